# case mapping and classification of non-ASCII characters
print("héllo wörld".upper(), "ÀÉÎ".lower(), "àéî".upper(), "Σ".lower())
print("naïve élan".title(), "éCOLE".capitalize(), "ÉcOlE".swapcase())
print("ÉCOLE".isupper(), "école".islower(), "ñ".isalpha(), "é1".isalnum())
print("Ä".lower() == "ä", "ÿ".upper(), "ж".upper(), "Ж".lower())
print("€".upper(), "😀".lower(), "€".isalpha(), "😀".isupper())
# repr of non-printable non-ASCII characters needs the Unicode database
print(repr(chr(0xa0)), repr(chr(0xad)), repr("\u2028"), repr("\u00e9\u200b"))
