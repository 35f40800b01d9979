/// The TOML that makes toml++ (inside TOMLKit 0.6.0) fail an internal assertion, which
/// aborts the whole program, found first so that it is an `InputError` instead:
/// - a table header whose name starts with neither a key character nor a quote (`[#`, `[` alone);
/// - a `}` where an array expects a value (`[}`, `[1, }`).
/// Neither is valid TOML, so nothing valid is refused. Found by fuzzing (docs/fuzzing.md).
struct TOMLPreflight {
    struct Problem: Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first such place in `text`, if any. Lines and columns count from 1, columns in
    /// Unicode scalars, as TOMLKit's do.
    static func problem(in text: String) -> Problem? {
        var scanner = TOMLPreflight(scalars: Array(text.unicodeScalars))
        return scanner.scan()
    }

    private let scalars: [Unicode.Scalar]
    private var at = 0
    private var line = 1
    private var lineStart = 0
    /// Open `[` and `{` of values (not of table headers).
    private var depth = 0
    /// The last character that was neither blank, line break nor comment.
    private var previous: Unicode.Scalar?
    /// Whether nothing but blanks came before `at` on its line.
    private var atLineStart = true

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var column: Int { at - lineStart + 1 }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        at + offset < scalars.count ? scalars[at + offset] : nil
    }

    private mutating func scan() -> Problem? {
        while let c = peek() {
            switch c {
            case "\n":
                at += 1
                line += 1
                lineStart = at
                atLineStart = true
                continue
            case " ", "\t", "\r":
                at += 1
                continue
            case "#":
                while let c = peek(), c != "\n" { at += 1 }
                continue
            case "\"", "'":
                skipString(c)
            case "[" where depth == 0 && atLineStart:
                if let problem = header() { return problem }
            case "[", "{":
                depth += 1
                at += 1
            case "]", "}":
                if c == "}", previous == "[" || previous == "," {
                    return Problem(line: line, column: column, message: "invalid TOML: expected a value before '}'")
                }
                depth = max(0, depth - 1)
                at += 1
            default:
                at += 1
            }
            previous = c
            atLineStart = false
        }
        return nil
    }

    /// A table header at `at`: `[` or `[[`, blanks, then a key character or a quote.
    private mutating func header() -> Problem? {
        at += 1
        if peek() == "[" { at += 1 }
        while peek() == " " || peek() == "\t" { at += 1 }
        guard let c = peek() else { return nil }
        if c == "\"" || c == "'" || c == "]" || TOMLLocator.Scanner.isBare(c) { return nil }
        return Problem(line: line, column: column,
                       message: "invalid TOML in table header: expected a table name (letters, digits, _ or -, or a quoted name) after '['")
    }

    /// Past a string that starts at `at`: basic or literal, on one line or three-quoted.
    private mutating func skipString(_ quote: Unicode.Scalar) {
        let triple = peek(1) == quote && peek(2) == quote
        at += triple ? 3 : 1
        while let c = peek() {
            if c == "\\" && quote == "\"" { at += 2; continue }
            if c == "\n" {
                guard triple else { return }
                at += 1
                line += 1
                lineStart = at
                continue
            }
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                at += triple ? 3 : 1
                return
            }
            at += 1
        }
    }
}
