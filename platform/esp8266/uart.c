// SPDX-License-Identifier: MIT
// The console on UART0 (GPIO1 TX, GPIO3 RX) at 115200 baud, 8N1.
//
// Receiving is interrupt-driven: the UART interrupts when 16 bytes wait in
// its 128-byte FIFO or when the line has been quiet for 2 byte times, and the
// handler moves every waiting byte into a 512-byte ring, so nothing is lost
// while Python code runs (a paste of 512 bytes can arrive in one go). The
// interrupt character (Ctrl-C unless micropython.kbd_intr changed it) does
// not enter the ring while Python code runs: the handler calls
// espy_interrupt() and the code gets KeyboardInterrupt. While a line is being
// read (the REPL, input()) it is queued like any byte and the line reader
// acts on it. Transmission waits for room in the FIFO.
#include "chip.h"
#include "espy.h"
#include "modules.h"
#include "regs.h"

#define BAUD 115200u
#define RX_RING_SIZE 512u                 // a power of two
#define RX_FULL_THRESHOLD 16u
#define RX_TIMEOUT_BYTES 2u
#define FLUSH_TIMEOUT_US 100000u          // a full FIFO takes 11 ms at 115200 (17 at 74880)

static struct {
    uint8_t ring[RX_RING_SIZE];
    volatile uint16_t head;             // written by the interrupt
    volatile uint16_t tail;             // written by the reader
    volatile bool line_mode;
    volatile bool python_ready;
    volatile uint32_t interrupts;       // interrupt characters sent to espy_interrupt
    volatile uint32_t overflows;        // bytes dropped with the ring full
} rx;

// Waits (at most FLUSH_TIMEOUT_US, counted in cycles at up to 160 MHz) for
// the transmitter to empty: at start-up the ROM's boot message may still be
// going out.
static void wait_tx_empty(void) {
    uint32_t start = xt_ccount();
    while (UART_TX_COUNT(UART_STATUS(UART0_BASE)) > 0 && xt_ccount() - start < 160u * FLUSH_TIMEOUT_US) {
    }
}

void uart_init(void) {
    wait_tx_empty();
    UART_INT_ENA(UART0_BASE) = 0;
    UART_INT_ENA(UART1_BASE) = 0;
    UART_INT_CLR(UART0_BASE) = UART_INT_ALL;
    UART_INT_CLR(UART1_BASE) = UART_INT_ALL;

    // TX: function 0 of pad U0TXD without pull-up; RX: function 0 of U0RXD.
    REG32(IOMUX_UART0_TX) &= ~(IOMUX_FUNC_MASK | IOMUX_PULLUP);
    REG32(IOMUX_UART0_RX) &= ~IOMUX_FUNC_MASK;

    UART_CLKDIV(UART0_BASE) = (ESP8266_APB_HZ / BAUD) & 0xFFFFFu;
    UART_CONF0(UART0_BASE) = UART_CONF0_8N1 | UART_CONF0_RXFIFO_RST | UART_CONF0_TXFIFO_RST;
    UART_CONF0(UART0_BASE) = UART_CONF0_8N1;
    UART_CONF1(UART0_BASE) = RX_FULL_THRESHOLD << UART_CONF1_RX_FULL_SHIFT |
                             RX_TIMEOUT_BYTES << UART_CONF1_RX_TOUT_SHIFT | UART_CONF1_RX_TOUT_EN;
    UART_INT_CLR(UART0_BASE) = UART_INT_ALL;
    UART_INT_ENA(UART0_BASE) = UART_INT_RXFIFO_FULL | UART_INT_RXFIFO_TOUT | UART_INT_RXFIFO_OVF;

    uint32_t ps = irq_disable();
    xt_set_intenable(xt_intenable() | 1u << INUM_UART);
    irq_restore(ps);
}

IRAM_CODE void uart_isr(void) {
    uint32_t status = UART_INT_ST(UART0_BASE);
    int intr_char = rx.python_ready && !rx.line_mode ? micropython_kbd_intr_char() : -1;
    while (UART_RX_COUNT(UART_STATUS(UART0_BASE)) > 0) {
        uint32_t c = UART_FIFO(UART0_BASE) & 0xFFu;
        if ((int)c == intr_char) {
            rx.interrupts++;
            espy_interrupt();
            continue;
        }
        uint16_t next = (rx.head + 1u) & (RX_RING_SIZE - 1u);
        if (next == rx.tail) {
            rx.overflows++;
            continue;
        }
        rx.ring[rx.head] = (uint8_t)c;
        rx.head = next;
    }
    UART_INT_CLR(UART0_BASE) = status;
    UART_INT_CLR(UART1_BASE) = UART_INT_ST(UART1_BASE);   // never enabled; keeps interrupt 5 quiet
}

int uart_read_byte(void) {
    uint16_t tail = rx.tail;
    if (tail == rx.head) {
        return -1;
    }
    int c = rx.ring[tail];
    rx.tail = (tail + 1u) & (RX_RING_SIZE - 1u);
    return c;
}

int uart_wait_byte(void) {
    uint32_t seen = rx.interrupts;
    for (;;) {
        int c = uart_read_byte();
        if (c >= 0) {
            return c;
        }
        if (rx.interrupts != seen) {
            return -1;
        }
        // Polls. WAITI would save power until the next interrupt, but
        // whether CCOUNT, and so the clock's tick, keeps counting in WAITI
        // on this chip is not verified.
    }
}

void uart_set_line_mode(bool on) {
    rx.line_mode = on;
}

void uart_set_python_ready(bool ready) {
    rx.python_ready = ready;
}

uint32_t uart_interrupt_count(void) {
    return rx.interrupts;
}

static void put_byte(uint32_t c) {
    while (UART_TX_COUNT(UART_STATUS(UART0_BASE)) >= UART_TX_FIFO_LIMIT) {
    }
    UART_FIFO(UART0_BASE) = c;
}

void uart_write(const char *data, size_t len, bool cooked) {
    for (size_t i = 0; i < len; i++) {
        uint32_t c = (uint8_t)data[i];
        if (c == '\n' && cooked) {
            put_byte('\r');
        }
        put_byte(c);
    }
}

void uart_flush(void) {
    wait_tx_empty();
}
