# SPDX-License-Identifier: MIT
# WebREPL, as the port's webrepl module (spec: port behaviour section 13,
# webrepl-protocol.md section 9): start() listens on port 8266; a client's
# HTTP upgrade (websocket_helper) makes its connection a websocket, wrapped
# by _webrepl (password, terminal, file transfer) and attached to
# os.dupterm slot 0, so that it shares the REPL with UART0. One client at
# a time: another one gets the handshake and is closed.
#
# Where the port has lwIP call accept_conn when a connection comes (socket
# option 20) and os.dupterm_notify when data does, espy has
# _webrepl.listen (the console looks at the listening socket whenever it
# polls) and a virtual Timer that calls os.dupterm_notify every POLL_MS,
# so that Ctrl-C and transfers get through while code runs.
#
# Beyond the port: a request without the upgrade (a browser opening
# http://board:8266/) gets espy's own client page (_page below, in flash),
# unless webrepl_cfg.py sets BASE, the port's hosted client.
import os
import socket
import _webrepl
import websocket
import websocket_helper

listen_s = None
client_s = None
static_host = None
_timer = None

HANDSHAKE_TIMEOUT = 3  # seconds a client has to send its request (and to take the page)
POLL_MS = 50


def setup_conn(port, accept_handler):
    global listen_s
    listen_s = socket.socket()
    listen_s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ai = socket.getaddrinfo("0.0.0.0", port)
    listen_s.bind(ai[0][4])
    listen_s.listen(1)
    if accept_handler:
        listen_s.setblocking(False)
        _webrepl.listen(listen_s, accept_handler)
    shown = False
    try:
        import network

        for i in (network.AP_IF, network.STA_IF):
            iface = network.WLAN(i)
            if iface.active():
                print("WebREPL server started on http://%s:%d/" % (iface.ifconfig()[0], port))
                shown = True
    except Exception:
        pass
    if not shown:
        print("WebREPL server started on http://0.0.0.0:%d/" % port)
    return listen_s


def send_html(cl):
    if static_host:
        cl.write(b'HTTP/1.0 200 OK\r\n\r\n<base href="')
        cl.write(static_host.encode() if isinstance(static_host, str) else static_host)
        cl.write(b'"></base>\r\n<script src="webrepl_content.js"></script>\r\n')
    else:
        page = _page()
        cl.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(page))
        cl.write(page)


def accept_conn(listen_sock):
    global client_s
    try:
        cl, remote_addr = listen_sock.accept()
    except OSError:
        return False
    try:
        upgrade = websocket_helper.server_handshake(cl, HANDSHAKE_TIMEOUT * 1000)
        cl.settimeout(HANDSHAKE_TIMEOUT)
        if not upgrade:
            send_html(cl)
            cl.close()
            return False
    except Exception:
        cl.close()  # malformed, too big or too slow: that connection only
        return False
    prev = os.dupterm(None)
    os.dupterm(prev)
    if prev:
        print("\nConcurrent WebREPL connection from", remote_addr, "rejected")
        cl.close()
        return False
    print("\nWebREPL connection from:", remote_addr)
    try:
        ws = websocket.websocket(cl, True)
        ws = _webrepl._webrepl(ws)
        cl.setblocking(False)
    except Exception:
        cl.close()
        return False
    client_s = cl
    os.dupterm(ws)
    return True


def stop():
    global listen_s, client_s, _timer
    _webrepl.listen(None)
    if _timer:
        _timer.deinit()
        _timer = None
    os.dupterm(None)
    if client_s:
        client_s.close()
    if listen_s:
        listen_s.close()
    client_s = listen_s = None


def start(port=8266, password=None, accept_handler=accept_conn):
    global static_host, _timer
    stop()
    webrepl_pass = password
    if webrepl_pass is None:
        try:
            import webrepl_cfg

            webrepl_pass = webrepl_cfg.PASS
            static_host = getattr(webrepl_cfg, "BASE", None)
        except Exception:
            print("WebREPL is not configured, run 'import webrepl_setup'")
            return
    _webrepl.password(webrepl_pass)
    s = setup_conn(port, accept_handler)
    if accept_handler is None:
        print("Starting webrepl in foreground mode")
        while not accept_conn(s):
            pass
    elif password is None:
        print("Started webrepl in normal mode")
    else:
        print("Started webrepl in manual override mode")
    try:
        import machine

        _timer = machine.Timer(-1)
        _timer.init(period=POLL_MS, mode=machine.Timer.PERIODIC, callback=os.dupterm_notify)
    except Exception:
        _timer = None  # no alarm (QEMU): the session is read while the REPL waits only


def start_foreground(port=8266, password=None):
    start(port, password, None)


# espy's WebREPL client: a terminal (VT100 enough for the REPL's line
# editor), sending and getting files, the version; the protocol of
# webrepl-protocol.md sections 5 to 8. By hand, small, no external files.
def _page():
    return rb"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>espy WebREPL</title><style>
body{font:14px sans-serif;margin:8px;background:#eee}
#t{background:#111;color:#ddd;font:14px monospace;height:70vh;overflow-y:auto;white-space:pre-wrap;word-break:break-all;padding:4px;margin:6px 0}
.c{background:#ddd;color:#111}#k{position:absolute;left:-99px;width:9px;height:9px;opacity:0}
</style></head><body><b>espy WebREPL</b> <input id=u size=26> <button id=b>Connect</button> <span id=s></span>
<pre id=t></pre><textarea id=k></textarea>
<div>Send <input type=file id=f> as <input id=n size=16> <button id=p>Send</button> &nbsp;
Get <input id=g size=16> <button id=q>Get</button> <button id=v>Version</button></div>
<script>
var $=function(i){return document.getElementById(i)},ws=null,L=[''],R=0,C=0,E=null,op=null,buf,fn,data;
$('u').value='ws://'+(location.hash.slice(1)||location.host)+'/';
function st(x){$('s').textContent=x}
function h(x){return x.replace(/&/g,'&amp;').replace(/</g,'&lt;')}
function draw(){var o=[],t=$('t');for(var i=0;i<L.length;i++){var l=L[i];
o.push(i!=R?h(l):h(l.slice(0,C))+'<span class=c>'+h(l.charAt(C)||' ')+'</span>'+h(l.slice(C+1)))}
t.innerHTML=o.join('\n');t.scrollTop=t.scrollHeight}
function term(s){for(var i=0;i<s.length;i++){var ch=s[i];
if(E!==null){E+=ch;if(/[A-Za-z~]/.test(ch)){var n=parseInt(E.slice(1))||1;
if(ch=='D')C=Math.max(0,C-n);else if(ch=='C')C+=n;else if(ch=='K')L[R]=L[R].slice(0,C);E=null}else if(E.length>9)E=null}
else if(ch=='\x1b')E='';else if(ch=='\r')C=0;else if(ch=='\b')C=Math.max(0,C-1);
else if(ch=='\n'){if(++R==L.length)L.push('');if(L.length>500){L.shift();R--}}
else if(ch>=' '){var l=L[R];while(l.length<C)l+=' ';L[R]=l.slice(0,C)+ch+l.slice(C+1);C++}}draw()}
function send(s){if(ws&&ws.readyState==1)ws.send(s)}
function rec(t,name,size){var r=new Uint8Array(82),b=new TextEncoder().encode(name).slice(0,63);
r[0]=87;r[1]=65;r[2]=t;new DataView(r.buffer).setUint32(12,size,true);r[16]=b.length;r.set(b,18);return r}
function ok(d){return d.length==4&&d[0]==87&&d[1]==66&&d[2]==0&&d[3]==0}
function fail(){op=null;st('failed')}
function bin(d){
if(op=='ver'){op=null;st('version '+d.join('.'))}
else if(op=='put1'){if(!ok(d))return fail();for(var i=0;i<data.length;i+=1024)ws.send(data.slice(i,i+1024));op='put2'}
else if(op=='put2'){op=null;st(ok(d)?'sent '+fn+', '+data.length+' bytes':'send failed')}
else if(op=='get1'){if(!ok(d))return fail();buf=[];op='get2';ws.send(new Uint8Array([0]))}
else if(op=='get2'){var n=d[0]|d[1]<<8;if(n){buf.push(d.slice(2,2+n));ws.send(new Uint8Array([0]))}else op='get3'}
else if(op=='get3'){op=null;if(!ok(d))return fail();var a=document.createElement('a');
a.href=URL.createObjectURL(new Blob(buf));a.download=fn.split('/').pop();a.click();st('got '+fn)}}
$('b').onclick=function(){if(ws){ws.close();return}
ws=new WebSocket($('u').value);ws.binaryType='arraybuffer';st('connecting');
ws.onopen=function(){st('connected');$('b').textContent='Disconnect';$('k').focus()};
ws.onclose=function(){ws=null;op=null;st('Disconnected');$('b').textContent='Connect'};
ws.onmessage=function(m){if(typeof m.data=='string')term(m.data);else bin(new Uint8Array(m.data))}};
$('f').onchange=function(){if(this.files[0])$('n').value=this.files[0].name};
$('p').onclick=function(){var f=$('f').files[0],r=new FileReader();if(!f||!ws)return;fn=$('n').value||f.name;
r.onload=function(){data=new Uint8Array(r.result);op='put1';ws.send(rec(1,fn,data.length));st('sending '+fn)};r.readAsArrayBuffer(f)};
$('q').onclick=function(){fn=$('g').value;if(fn&&ws){op='get1';ws.send(rec(2,fn,0));st('getting '+fn)}};
$('v').onclick=function(){if(ws){op='ver';ws.send(rec(3,'',0))}};
var K={Enter:'\r',Backspace:'\x7f',Tab:'\t',Escape:'\x1b',ArrowUp:'\x1b[A',ArrowDown:'\x1b[B',ArrowRight:'\x1b[C',
ArrowLeft:'\x1b[D',Home:'\x1b[H',End:'\x1b[F',Delete:'\x1b[3~'},k=$('k');
k.onkeydown=function(e){var s=K[e.key];if(e.ctrlKey&&e.key.length==1&&e.key!='v'){var c=e.key.toUpperCase().charCodeAt(0);
s=c>63&&c<96?String.fromCharCode(c-64):null}if(s!=null){e.preventDefault();send(s)}};
k.oninput=function(){send(k.value.replace(/\r?\n/g,'\r'));k.value=''};
$('t').onclick=function(){k.focus()};draw();
</script></body></html>
"""
