from ..helper_mod import CONST as PARENT_CONST
INNER = "inner"
