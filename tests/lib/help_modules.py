# help('modules'): the built-in and the frozen modules (by path), sorted,
# in 4 columns of width 18 filled column by column, as MicroPython prints.
help('modules')
