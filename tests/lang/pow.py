# pow and **
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 1 ** 1000, (-1) ** 1001)
print(2 ** -2, 10 ** -1, 4 ** 0.5, 27 ** (1 / 3) > 2.9, (-8) ** 3, 2.0 ** 3)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3, 5), pow(2, 3, -5))
print(pow(7, 0, 5), pow(0, 0, 1), pow(12345, 6789, 2 ** 61 - 1), pow(2, 1000, 10 ** 9))
print(pow(3, -1, 7), pow(2, -1, 5), pow(38, -1, 97))
print(3 ** 100, len(str(9 ** 99)), 2 ** 64 - 1)
print(2 ** 0.5, 10 ** 2.0, 0.5 ** 2, 1.5 ** -1, float(2) ** 100)
print(0 ** 5, 0.0 ** 0, 0 ** 0.0, (-0.0) ** 2, 1e300 ** 0)
try:
    0 ** -1
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    pow(2, 3, 0)
except ValueError:
    print("ValueError mod 0")
try:
    pow(2.0, 3, 5)
except TypeError:
    print("TypeError float 3-arg pow")
try:
    pow(2, -1, 4)
except ValueError:
    print("ValueError not invertible")
try:
    10.0 ** 400
except OverflowError:
    print("OverflowError")
x = 3
x **= 3
print(x, (-8) ** 2 ** 0, type(2 ** -1).__name__, type(2 ** 2).__name__)
print([2 ** i for i in range(0, 70, 10)])
