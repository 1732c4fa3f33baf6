# sys.exit with an int status: output before exit is kept, code after is not run
import sys
print("before exit")
try:
    pass
finally:
    print("finally before exit")
def cleanup_then_exit():
    try:
        sys.exit(3)
    finally:
        print("finally during exit")
cleanup_then_exit()
print("never printed")
