"""The widths of the label sheet's typeface, Source Sans 3, in ems: what `labels.text_sizes()`
sets text with to tell how many lines it takes.

Measured in Chromium (each character twenty times over at 100 px, rounded up to the hundredth),
regular for the body and bold for titles. A character not listed counts as the widest letter.
"""


def by_character(widths):
    return {character: width for width, characters in widths.items() for character in characters}


REGULAR = by_character(
    {
        0.2: " ",
        0.25: "ijíîï.,;:‘’'",
        0.26: "l",
        0.27: "IÍ",
        0.29: "f!",
        0.31: "()[]",
        0.32: "t-",
        0.34: "°",
        0.35: "r/",
        0.42: "s*",
        0.43: 'z?„”“«»"',
        0.44: "cç",
        0.45: "xJ",
        0.47: "vy",
        0.48: "Y–",
        0.49: "L",
        0.5: "0123456789ekéőűèêëF+=§",
        0.51: "agáäà",
        0.52: "X",
        0.53: "ESVZÉ",
        0.54: "ATÁ",
        0.55: "hnouóöúüôûñC",
        0.56: "bdpq",
        0.57: "PR",
        0.58: "K",
        0.59: "B",
        0.61: "&",
        0.62: "DG",
        0.65: "NUÚÜ",
        0.66: "H",
        0.67: "OQÓÖ",
        0.72: "w",
        0.73: "MŐŰ",
        0.79: "W",
        0.8: "—",
        0.83: "m%",
    }
)
BOLD = by_character(
    {
        0.2: " ",
        0.28: "ijíîï",
        0.29: "l",
        0.3: ".,;:‘’'",
        0.31: "IÍ",
        0.33: "f",
        0.34: "!-/",
        0.35: "()[]",
        0.37: "t°",
        0.4: "r",
        0.45: "csç",
        0.46: "z*",
        0.47: "?",
        0.48: "J–«»",
        0.52: "exéèêëL",
        0.53: "0123456789avyáäàFYZ+=§",
        0.54: 'gS„”“"',
        0.55: "kCEÉ",
        0.56: "oóöőôT",
        0.57: "uúüűûVX",
        0.58: "bdhnpqñAÁ",
        0.6: "P",
        0.61: "B",
        0.62: "KR",
        0.64: "DG",
        0.67: "NUÚÜŰ&",
        0.68: "H",
        0.69: "OQÓÖŐ",
        0.77: "M",
        0.78: "w",
        0.8: "—",
        0.82: "W",
        0.86: "m%",
    }
)
UNLISTED = 0.9
