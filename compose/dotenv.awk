# Reads a .env file the way Docker Compose does and prints one shell line per
# binding, `dotenv_set 'KEY' 'VALUE'`, for `run` to eval. POSIX awk (mawk, gawk,
# BSD awk). The rules are Compose's documented ones, checked against both
# `docker-compose` 1.29 and `docker compose` v2 by tests/e2e/stack/test_run_cli.py:
#   - blank lines and lines starting with # are ignored; CRLF, CR and LF all end a line
#   - an optional `export ` prefix; whitespace around the key and the `=` is ignored
#   - unquoted: the rest of the line, an inline comment only after whitespace
#     (`V=a # c` is `a`, `V=a#b` is `a#b`), trailing whitespace dropped
#   - '...': literal, \' and \\ are the only escapes; "...": \n \t \r \\ \" and
#     friends, may span lines; after the closing quote only a comment may follow
#   - ${NAME}, ${NAME:-default}, ${NAME-default} and $NAME are expanded in unquoted
#     and double-quoted values, from the environment, then from earlier lines
#   - a key listed twice: the last one wins (the caller keeps the last)
# Keys that cannot be shell variable names are skipped: `run` never needs them.

function sq(s) { gsub(/'/, "'\\''", s); return "'" s "'" }

function lookup(name, dflt, mode,    v, set) {
    set = 0
    if (name in ENVIRON) { v = ENVIRON[name]; set = 1 }
    else if (name in vals) { v = vals[name]; set = 1 }
    if (mode == ":-" && (!set || v == "")) return dflt
    if (mode == "-" && !set) return dflt
    return set ? v : ""
}

# expand(s): ${...} and $NAME, as Compose interpolates .env values.
function expand(s,    out, i, c, j, body, name, rest, p) {
    out = ""
    while ((i = index(s, "$")) > 0) {
        out = out substr(s, 1, i - 1)
        s = substr(s, i + 1)
        c = substr(s, 1, 1)
        if (c == "{") {
            j = index(s, "}")
            if (j == 0) { out = out "$" ; continue }
            body = substr(s, 2, j - 2)
            s = substr(s, j + 1)
            if ((p = index(body, ":-")) > 0)
                out = out lookup(substr(body, 1, p - 1), expand(substr(body, p + 2)), ":-")
            else if ((p = index(body, "-")) > 0)
                out = out lookup(substr(body, 1, p - 1), expand(substr(body, p + 1)), "-")
            else
                out = out lookup(body, "", "")
        } else if (c == "$") {
            out = out "$"; s = substr(s, 2)
        } else if (match(s, /^[A-Za-z_][A-Za-z0-9_]*/)) {
            name = substr(s, 1, RLENGTH)
            s = substr(s, RLENGTH + 1)
            out = out lookup(name, "", "")
        } else {
            out = out "$"
        }
    }
    return out s
}

function unescape_double(s,    out, c, n) {
    out = ""
    while (s != "") {
        c = substr(s, 1, 1)
        if (c == "\\" && length(s) > 1) {
            n = substr(s, 2, 1); s = substr(s, 3)
            if (n == "n") out = out "\n"
            else if (n == "t") out = out "\t"
            else if (n == "r") out = out "\r"
            else if (n == "a") out = out "\a"
            else if (n == "b") out = out "\b"
            else if (n == "f") out = out "\f"
            else if (n == "v") out = out "\v"
            else if (n == "\\" || n == "\"" || n == "'") out = out n
            else out = out "\\" n
        } else { out = out c; s = substr(s, 2) }
    }
    return out
}

function unescape_single(s,    out, c, n) {
    out = ""
    while (s != "") {
        c = substr(s, 1, 1)
        if (c == "\\" && length(s) > 1 && (substr(s, 2, 1) == "'" || substr(s, 2, 1) == "\\")) {
            out = out substr(s, 2, 1); s = substr(s, 3)
        } else { out = out c; s = substr(s, 2) }
    }
    return out
}

# closing(s, q): position of the first q in s not preceded by a backslash escape.
function closing(s, q,    i, c) {
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\") { i++; continue }
        if (c == q) return i
    }
    return 0
}

function emit(key, value) {
    vals[key] = value
    if (key ~ /^[A-Za-z_][A-Za-z0-9_]*$/) print "dotenv_set " sq(key) " " sq(value)
}

{ text = text $0 "\n" }

END {
    gsub(/\r\n/, "\n", text)
    gsub(/\r/, "\n", text)
    sub(/^\357\273\277/, "", text) # a UTF-8 byte order mark, as Compose allows
    while (text != "") {
        nl = index(text, "\n")
        line = nl ? substr(text, 1, nl - 1) : text
        rest = nl ? substr(text, nl + 1) : ""
        sub(/^[ \t]+/, "", line)
        if (line == "" || substr(line, 1, 1) == "#") { text = rest; continue }
        sub(/^export[ \t]+/, "", line)
        eq = index(line, "=")
        if (eq == 0) { text = rest; continue } # a bare KEY: Compose takes it from the environment
        key = substr(line, 1, eq - 1)
        sub(/[ \t]+$/, "", key)
        value = substr(line, eq + 1)
        sub(/^[ \t]+/, "", value)
        q = substr(value, 1, 1)
        if (q == "\"" || q == "'") {
            body = substr(value, 2)
            # a quoted value may go on over the next lines until its closing quote
            while ((end = closing(body, q)) == 0 && rest != "") {
                nl = index(rest, "\n")
                body = body "\n" (nl ? substr(rest, 1, nl - 1) : rest)
                rest = nl ? substr(rest, nl + 1) : ""
            }
            if (end == 0) end = length(body) + 1
            raw = substr(body, 1, end - 1)
            value = (q == "'") ? unescape_single(raw) : expand(unescape_double(raw))
        } else {
            sub(/[ \t]#.*$/, "", value)
            sub(/[ \t]+$/, "", value)
            value = expand(value)
        }
        emit(key, value)
        text = rest
    }
}
