/// Where keys and tables sit in a TOML text. TOMLKit reports a position only for
/// syntax errors; to point at an unknown key or a bad value, this scans the text
/// (already known to be valid TOML) for table headers, `key = value` lines and the
/// keys of inline tables. Lines and columns count from 1; columns in Unicode scalars,
/// as TOMLKit's do.
package struct TOMLLocator {
    package struct Place: Hashable {
        /// Where the key (or the table header's name) starts.
        package var line: Int
        var column: Int
        /// Where the value starts; for a table header, the column of its name.
        package var valueColumn: Int
    }

    private(set) var places: [[String]: Place] = [:]

    package init(_ text: String) {
        var table: [String] = []
        var multiline: String?
        // Split on scalars: "\r\n" is one Character, which a split on "\n" would not cut.
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var scanner = Scanner(line: Array(line), number: index + 1)
            if let delimiter = multiline {
                guard scanner.skip(past: delimiter) else { continue }
                multiline = nil
                continue
            }
            scanner.skipSpace()
            guard let first = scanner.peek, first != "#" else { continue }
            if first == "[" {
                scanner.advance()
                if scanner.peek == "[" { scanner.advance() }
                scanner.skipSpace()
                guard let key = scanner.key() else { continue }
                table = key.map(\.name)
                record(key, under: [], header: true)
            } else if let key = scanner.key() {
                scanner.skipSpace()
                guard scanner.peek == "=" else { continue }
                scanner.advance()
                scanner.skipSpace()
                record(key, under: table, valueColumn: scanner.column)
                let path = table + key.map(\.name)
                if scanner.peek == "{" {
                    inline(&scanner, under: path)
                } else if let delimiter = scanner.opensMultiline() {
                    multiline = delimiter
                }
            }
        }
    }

    package func place(_ path: [String]) -> Place? { places[path] }

    private mutating func record(_ key: [Scanner.Part], under prefix: [String], valueColumn: Int? = nil, header: Bool = false) {
        var path = prefix
        for (n, part) in key.enumerated() {
            path.append(part.name)
            let last = n == key.count - 1
            let place = Place(line: part.line, column: part.column,
                              valueColumn: last && !header ? (valueColumn ?? part.column) : part.column)
            if places[path] == nil || (last && header) { places[path] = place }
        }
    }

    /// The keys of an inline table `{ k = v, … }` that starts at the scanner.
    private mutating func inline(_ scanner: inout Scanner, under path: [String]) {
        scanner.advance()
        while true {
            scanner.skipSpace()
            guard let c = scanner.peek, c != "}" else { return }
            if c == "," { scanner.advance(); continue }
            guard let key = scanner.key() else { return }
            scanner.skipSpace()
            guard scanner.peek == "=" else { return }
            scanner.advance()
            scanner.skipSpace()
            record(key, under: path, valueColumn: scanner.column)
            if scanner.peek == "{" {
                inline(&scanner, under: path + key.map(\.name))
                if scanner.peek == "}" { scanner.advance() }
            } else {
                scanner.skipValue()
            }
        }
    }

    struct Scanner {
        struct Part { var name: String; var line: Int; var column: Int }

        let line: [Unicode.Scalar]
        let number: Int
        var at = 0

        init(line: [Unicode.Scalar], number: Int) {
            self.line = line.last == "\r" ? Array(line.dropLast()) : line
            self.number = number
        }

        var peek: Unicode.Scalar? { at < line.count ? line[at] : nil }
        var column: Int { at + 1 }
        mutating func advance() { at += 1 }
        mutating func skipSpace() { while peek == " " || peek == "\t" { advance() } }

        static func isBare(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }

        /// A dotted key: bare, "basic" or 'literal' parts separated by dots.
        mutating func key() -> [Part]? {
            var parts: [Part] = []
            while true {
                skipSpace()
                let start = column
                guard let c = peek else { return nil }
                var name = ""
                if c == "\"" || c == "'" {
                    advance()
                    guard let text = quoted(c) else { return nil }
                    name = text
                } else if Self.isBare(c) {
                    while let c = peek, Self.isBare(c) { name.unicodeScalars.append(c); advance() }
                } else {
                    return nil
                }
                parts.append(Part(name: name, line: number, column: start))
                skipSpace()
                guard peek == "." else { return parts }
                advance()
            }
        }

        /// The rest of a quoted string after its opening quote, the closing one consumed.
        mutating func quoted(_ quote: Unicode.Scalar) -> String? {
            var text = ""
            while let c = peek {
                advance()
                if c == quote { return text }
                if c == "\\" && quote == "\"", let escaped = peek {
                    advance()
                    switch escaped {
                    case "n": text += "\n"
                    case "t": text += "\t"
                    case "r": text += "\r"
                    case "b": text += "\u{8}"
                    case "f": text += "\u{c}"
                    case "e": text += "\u{1b}"
                    case "u", "U":
                        let count = escaped == "u" ? 4 : 8
                        var hex = ""
                        while hex.count < count, let h = peek { hex.unicodeScalars.append(h); advance() }
                        if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
                    default: text.unicodeScalars.append(escaped)
                    }
                } else {
                    text.unicodeScalars.append(c)
                }
            }
            return nil
        }

        /// Skips one value inside an inline table: up to the `,` or `}` that ends it.
        mutating func skipValue() {
            var depth = 0
            while let c = peek {
                switch c {
                case "\"", "'":
                    advance()
                    _ = quoted(c)
                    continue
                case "[", "{": depth += 1
                case "]": depth -= 1
                case "}" where depth == 0, "," where depth == 0: return
                case "}": depth -= 1
                default: break
                }
                advance()
            }
        }

        /// If the value here opens a multi-line string that does not close on this
        /// line, its delimiter.
        mutating func opensMultiline() -> String? {
            for delimiter in ["\"\"\"", "'''"] where starts(with: delimiter) {
                at += 3
                return skip(past: delimiter) ? nil : delimiter
            }
            return nil
        }

        func starts(with text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            return at + scalars.count <= line.count && Array(line[at..<at + scalars.count]) == scalars
        }

        /// Moves past the next `delimiter` on the line (not one escaped by a backslash); false if none.
        mutating func skip(past delimiter: String) -> Bool {
            while at < line.count {
                if line[at] == "\\" && delimiter == "\"\"\"" { at += 2; continue }
                if starts(with: delimiter) {
                    at += delimiter.unicodeScalars.count
                    return true
                }
                at += 1
            }
            return false
        }
    }
}
