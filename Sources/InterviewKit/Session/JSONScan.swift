import Foundation

/// One small JSON tokenizer for what the JSON decoder does not say: where a syntax error
/// is (its own messages sometimes point past the last line), which key an object has
/// twice (it takes the first, `jq` the last: a file must not mean two things), and where
/// the value at a coding path is (for range errors found after decoding).
///
/// The grammar is RFC 8259's, nesting at most `maxDepth` deep. Offsets are byte offsets.
enum JSONScan {
    static let maxDepth = 512

    struct Problem: Error, Equatable {
        var offset: Int
        var message: String
        /// A key given twice in one object (the rest are syntax errors).
        var duplicate = false
    }

    /// The first syntax error or duplicate key, or nil when the document is well-formed.
    static func check(_ data: Data) -> Problem? {
        scan(data, events: false).problem
    }

    /// `check`, and with `events` the top-level `events` read on the way
    /// (`eventSummaries`), in the same pass.
    static func scan(_ data: Data, events: Bool) -> (problem: Problem?, events: [EventSummary]?) {
        data.withUnsafeBytes { raw -> (Problem?, [EventSummary]?) in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.wantsEvents = events
            do throws(Problem) {
                scanner.skipSpace()
                try scanner.value(depth: 0)
                scanner.skipSpace()
                if scanner.index < scanner.bytes.count { throw scanner.problem("more after the end of the document") }
                return (nil, scanner.events)
            } catch {
                return (error, nil)
            }
        }
    }

    /// The offset of the value at `path` (object keys and array indices from the top), or
    /// of the deepest value on the way there that exists; nil if the document is not an
    /// object or array at the top.
    static func offset(of path: [any CodingKey], in data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.skipSpace()
            var found = scanner.index
            for key in path {
                guard let next = try? scanner.enter(key) else { return found }
                found = next
            }
            return found
        }
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// The keys of the objects being scanned, innermost last.
        var keys: [(Range<Int>, escaped: Bool)] = []
        /// Whether to read the top-level `events` on the way, and what they read as.
        var wantsEvents = false
        var events: [EventSummary]?

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func problem(_ message: String, at offset: Int? = nil) -> Problem {
            Problem(offset: min(offset ?? index, bytes.count), message: message)
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Problem) {
            guard let byte = current else { throw problem("the document ends where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw problem("unexpected character '\(Self.shown(byte))' where a value was expected")
            }
        }

        mutating func literal(_ word: StaticString) throws(Problem) {
            let start = index
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else {
                throw problem("unexpected characters where a value was expected", at: start)
            }
            index += count
        }

        mutating func number() throws(Problem) {
            let start = index
            func digits() -> Int {
                let from = index
                while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
                return index - from
            }
            if current == UInt8(ascii: "-") { index += 1 }
            if current == UInt8(ascii: "0") {
                index += 1
            } else if digits() == 0 {
                throw problem("a number without digits", at: start)
            }
            if current == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw problem("a number without digits after its '.'", at: start) }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw problem("a number without digits in its exponent", at: start) }
            }
        }

        /// Scans a string; returns the range of its content and whether it has escapes.
        mutating func string() throws(Problem) -> (Range<Int>, escaped: Bool) {
            let start = index
            index += 1
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return ((start + 1)..<(index - 1), escaped)
                }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 1
                    guard let next = current else { break }
                    switch next {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        guard index + 4 < bytes.count, (1...4).allSatisfy({ Self.isHex(bytes[index + $0]) }) else {
                            throw problem("a \\u escape without four hex digits", at: index - 1)
                        }
                        index += 5
                    default:
                        throw problem("an unknown escape '\\\(Self.shown(next))' in a string", at: index - 1)
                    }
                    continue
                }
                if byte < 0x20 { throw problem("a control character (\(byte)) inside a string: expected it escaped") }
                index += 1
            }
            throw problem("the document ends inside a string that starts here", at: start)
        }

        mutating func object(depth: Int) throws(Problem) {
            guard depth <= maxDepth else { throw problem("nested more than \(maxDepth) deep") }
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            // The keys seen, as byte ranges on one stack for every open object: a few per
            // object, so a linear search is fastest (a set past 16).
            let base = keys.count
            defer { keys.removeSubrange(base...) }
            var set: Set<[UInt8]>?
            while true {
                guard current == UInt8(ascii: "\"") else {
                    throw current == nil ? problem("the document ends inside an object") : problem("expected a key in quotes")
                }
                let keyStart = index
                let key = try string()
                if isDuplicate(key, from: base, set: &set) {
                    let name = String(decoding: decoded(key), as: UTF8.self)
                    var twice = problem("the key \"\(VisibleText.visible(name))\" is given twice in one object: expected each key once", at: keyStart)
                    twice.duplicate = true
                    throw twice
                }
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw problem("expected ':' after the key") }
                index += 1
                skipSpace()
                if depth == 1, wantsEvents, !key.escaped, equals(key.0, "events") {
                    // Read as stats needs them; what they cannot vouch for is scanned again as any value.
                    let start = index
                    events = readEvents()
                    if events == nil {
                        index = start
                        try value(depth: depth)
                    }
                } else {
                    try value(depth: depth)
                }
                skipSpace()
                switch current {
                case UInt8(ascii: ","):
                    index += 1
                    skipSpace()
                case UInt8(ascii: "}"):
                    index += 1
                    return
                case nil: throw problem("the document ends inside an object")
                default: throw problem("expected ',' or '}' after a value in an object")
                }
            }
        }

        mutating func isDuplicate(_ key: (Range<Int>, escaped: Bool), from base: Int, set: inout Set<[UInt8]>?) -> Bool {
            if set != nil { return !set!.insert(decoded(key)).inserted }
            for seen in keys[base...] where equal(seen, key) { return true }
            keys.append(key)
            if keys.count - base > 16 { set = Set(keys[base...].map(decoded)) }
            return false
        }

        func equal(_ a: (Range<Int>, escaped: Bool), _ b: (Range<Int>, escaped: Bool)) -> Bool {
            if a.escaped || b.escaped { return decoded(a) == decoded(b) }
            guard a.0.count == b.0.count else { return false }
            var i = a.0.lowerBound, j = b.0.lowerBound
            while i < a.0.upperBound {
                if bytes[i] != bytes[j] { return false }
                i += 1
                j += 1
            }
            return true
        }

        /// The key's bytes with its escapes decoded (as the JSON decoder compares keys).
        func decoded(_ key: (Range<Int>, escaped: Bool)) -> [UInt8] {
            let raw = Array(bytes[key.0])
            guard key.escaped else { return raw }
            let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
            guard let text = try? JSONDecoder().decode(String.self, from: quoted) else { return raw }
            return Array(text.utf8)
        }

        mutating func array(depth: Int) throws(Problem) {
            guard depth <= maxDepth else { throw problem("nested more than \(maxDepth) deep") }
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                try value(depth: depth)
                skipSpace()
                switch current {
                case UInt8(ascii: ","):
                    index += 1
                    skipSpace()
                case UInt8(ascii: "]"):
                    index += 1
                    return
                case nil: throw problem("the document ends inside an array")
                default: throw problem("expected ',' or ']' after a value in an array")
                }
            }
        }

        /// Moves from the container at `index` to the value `key` names in it; returns its offset.
        mutating func enter(_ key: any CodingKey) throws(Problem) -> Int {
            if current == UInt8(ascii: "["), let wanted = key.intValue {
                index += 1
                skipSpace()
                var n = 0
                while current != UInt8(ascii: "]") {
                    if n == wanted { return index }
                    try value(depth: 1)
                    skipSpace()
                    guard current == UInt8(ascii: ",") else { throw problem("no such element") }
                    index += 1
                    skipSpace()
                    n += 1
                }
                throw problem("no such element")
            }
            guard current == UInt8(ascii: "{") else { throw problem("not a container") }
            index += 1
            skipSpace()
            let wanted = Array(key.stringValue.utf8)
            while current == UInt8(ascii: "\"") {
                let name = try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw problem("no such key") }
                index += 1
                skipSpace()
                if decoded(name) == wanted { return index }
                try value(depth: 1)
                skipSpace()
                guard current == UInt8(ascii: ",") else { break }
                index += 1
                skipSpace()
            }
            throw problem("no such key")
        }

        static func isHex(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        static func shown(_ byte: UInt8) -> String {
            byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
        }
    }
}

extension JSONScan {
    /// The top-level `events` of a well-formed document, read as the range checks read them, straight from the bytes: about five times cheaper than the
    /// JSON decoder, which `stats` would otherwise pay for every event of every session.
    /// Nil whenever the JSON decoder might see them otherwise: a field missing or of
    /// another type, an integer written with a fraction or exponent, a number out of a
    /// `Double`'s range, a string with an escape or bytes that are not UTF-8, an unknown
    /// event type. The caller then decodes the whole file, which says exactly what is wrong.
    static func eventSummaries(in data: Data) -> [EventSummary]? {
        scan(data, events: true).events
    }
}

extension JSONScan.Scanner {
    /// Whether the bytes at `range` are `text`.
    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        for (n, i) in range.enumerated() where bytes[i] != text.utf8Start[n] { return false }
        return true
    }

    /// A string value that decodes to the same text as its bytes (no escape, valid UTF-8).
    mutating func plainString() -> Range<Int>? {
        guard current == UInt8(ascii: "\""), let (range, escaped) = try? string(), !escaped else { return nil }
        if bytes[range].contains(where: { $0 >= 0x80 }),
           String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) == nil { return nil }
        return range
    }

    /// A number token, as the JSON decoder reads it into a `Double` (nil when not finite).
    mutating func double() -> Double? {
        guard let byte = current, byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        let start = index
        guard (try? number()) != nil else { return nil }
        let count = index - start
        // strtod on a copy with its terminating zero, on the stack for any usual number.
        let value: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for n in 0..<count { buffer[n] = CChar(bitPattern: bytes[start + n]) }
            buffer[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + count ? value : nil
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// A number token without fraction or exponent that fits an `Int`; `null` as nil.
    /// The token is checked as any number first (`number`: no leading zeros), so that
    /// what this accepts is JSON.
    mutating func integer() -> Int?? {
        if current == UInt8(ascii: "n") { return (try? literal("null")) != nil ? .some(nil) : nil }
        guard let first = current, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        let start = index
        guard (try? number()) != nil else { return nil }
        let negative = first == UInt8(ascii: "-")
        var value = 0
        for byte in bytes[(negative ? start + 1 : start)..<index] {
            // A fraction or an exponent, or past Int.max (Int.min too): the decoder's to judge.
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return .some(negative ? -value : value)
    }

    /// `true`, `false` or `null`.
    mutating func optionalBool() -> Bool {
        switch current {
        case UInt8(ascii: "t"): (try? literal("true")) != nil
        case UInt8(ascii: "f"): (try? literal("false")) != nil
        case UInt8(ascii: "n"): (try? literal("null")) != nil
        default: false
        }
    }

    /// Calls `field` with each key of the object at `index` (positioned on its value),
    /// which must consume the value; false if `field` refuses one.
    mutating func fields(_ field: (inout Self, Range<Int>) -> Bool) -> Bool {
        guard current == UInt8(ascii: "{") else { return false }
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return true
        }
        let base = keys.count
        defer { keys.removeSubrange(base...) }
        var set: Set<[UInt8]>?
        while true {
            guard let key = plainString(), !isDuplicate((key, false), from: base, set: &set) else { return false }
            skipSpace()
            guard current == UInt8(ascii: ":") else { return false }
            index += 1
            skipSpace()
            guard field(&self, key) else { return false }
            skipSpace()
            if current == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                continue
            }
            guard current == UInt8(ascii: "}") else { return false }
            index += 1
            return true
        }
    }

    /// Calls `element` for each element of the array at `index`; false if it refuses one.
    mutating func elements(_ element: (inout Self) -> Bool) -> Bool {
        guard current == UInt8(ascii: "[") else { return false }
        index += 1
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            return true
        }
        while true {
            guard element(&self) else { return false }
            skipSpace()
            if current == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                continue
            }
            guard current == UInt8(ascii: "]") else { return false }
            index += 1
            return true
        }
    }

    mutating func readEvents() -> [EventSummary]? {
        var events: [EventSummary] = []
        let complete = elements { scanner in
            var at: Double?
            var type: SessionEvent.Kind?
            var event = EventSummary(at: 0, type: .started)
            let read = scanner.fields { scanner, key in
                if scanner.equals(key, "at") {
                    at = scanner.double()
                    return at != nil
                }
                if scanner.equals(key, "type") {
                    guard let range = scanner.plainString() else { return false }
                    type = SessionEvent.Kind(rawValue: String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[range]), as: UTF8.self))
                    return type != nil
                }
                if scanner.equals(key, "undo") {
                    event.undo = scanner.current == UInt8(ascii: "t")
                    return scanner.optionalBool()
                }
                if scanner.equals(key, "on") { return scanner.optionalBool() }
                if scanner.equals(key, "lines") {
                    if scanner.current == UInt8(ascii: "n") { return (try? scanner.literal("null")) != nil }
                    var lines: [EventSummary.LineTime] = []
                    let whole = scanner.elements { scanner in
                        var lineAt: Double?
                        var text = false
                        let read = scanner.fields { scanner, key in
                            if scanner.equals(key, "at") {
                                lineAt = scanner.double()
                                return lineAt != nil
                            }
                            if scanner.equals(key, "text") {
                                text = scanner.plainString() != nil
                                return text
                            }
                            return (try? scanner.value(depth: 1)) != nil
                        }
                        guard read, text, let lineAt else { return false }
                        lines.append(EventSummary.LineTime(at: lineAt))
                        return true
                    }
                    event.lines = lines
                    return whole
                }
                let field: WritableKeyPath<EventSummary, Int?>? =
                    scanner.equals(key, "question") ? \.question : scanner.equals(key, "item") ? \.item
                    : scanner.equals(key, "rating") ? \.rating : scanner.equals(key, "from") ? \.from
                    : scanner.equals(key, "removed") ? \.removed : nil
                if let field {
                    guard let value = scanner.integer() else { return false }
                    event[keyPath: field] = value
                    return true
                }
                // A key no event has: the decoder ignores it.
                return (try? scanner.value(depth: 1)) != nil
            }
            guard read, let at, let type else { return false }
            event.at = at
            event.type = type
            events.append(event)
            return true
        }
        return complete ? events : nil
    }
}
