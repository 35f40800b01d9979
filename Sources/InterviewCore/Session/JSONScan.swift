#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One small JSON tokenizer for what the JSON decoder does not say: where a syntax error
/// is (its own messages sometimes point past the last line), which key an object has
/// twice (it takes the first, `jq` the last: a file must not mean two things), and where
/// the value at a coding path is (for range errors found after decoding).
///
/// The grammar is RFC 8259's, nesting at most `maxDepth` deep. Offsets are byte offsets.
/// Here the grammar and its errors; in JSONScan+Path.swift, where a coding path's value is;
/// in JSONScan+Events.swift, the events read on the way for `stats`.
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

    /// The top-level `events` as `eventSummaries` reads them, and the bytes of their value.
    struct ScannedEvents {
        var summaries: [EventSummary]
        var range: Range<Int>
    }

    /// `check`, and with `events` the top-level `events` read on the way
    /// (`eventSummaries`), in the same pass.
    static func scan(_ data: Data, events: Bool) -> (problem: Problem?, events: ScannedEvents?) {
        data.withUnsafeBytes { raw -> (Problem?, ScannedEvents?) in
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

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// The keys of the objects being scanned, innermost last.
        var keys: [(Range<Int>, escaped: Bool)] = []
        /// Whether to read the top-level `events` on the way, and what they read as.
        var wantsEvents = false
        var events: ScannedEvents?

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
            while true {
                skipPlainWords()
                guard index < bytes.count else { break }
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
                if byte >= 0x80 {
                    // Checked here, so that bytes that are not UTF-8 are found at their line.
                    guard let length = utf8Length(at: index) else {
                        throw problem("invalid UTF-8 inside a string: expected the file saved as UTF-8 text")
                    }
                    index += length
                    continue
                }
                index += 1
            }
            throw problem("the document ends inside a string that starts here", at: start)
        }

        /// Past the bytes that neither end a string nor need a look (printable ASCII but
        /// `"` and `\`: most of a session's text), eight at a time, up to the first that does.
        mutating func skipPlainWords() {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            // The high bit of each byte of `word` that is zero, or less than `n` (n ≤ 0x80):
            // the classic bit tricks, exact for the lowest such byte (a borrow may only mark
            // bytes above it).
            func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
            func below(_ word: UInt64, _ n: UInt64) -> UInt64 { (word &- ones &* n) & ~word & highs }
            guard let base = bytes.baseAddress else { return }
            while index + 8 <= bytes.count {
                // The first byte in memory the lowest, whatever the machine's byte order.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let marked = word & highs | below(word, 0x20) | zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x5C))
                if marked != 0 {
                    index += marked.trailingZeroBitCount / 8
                    return
                }
                index += 8
            }
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
                    if let read = readEvents() {
                        events = ScannedEvents(summaries: read, range: start..<index)
                    } else {
                        index = start
                        try value(depth: depth)
                    }
                } else {
                    try value(depth: depth)
                }
                if try closes(UInt8(ascii: "}"), in: "an object") { return }
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
                if try closes(UInt8(ascii: "]"), in: "an array") { return }
            }
        }

        /// After a value in an object or array: past a `,` (false) or past its `closing`
        /// bracket (true); anything else is the document's error.
        mutating func closes(_ closing: UInt8, in container: String) throws(Problem) -> Bool {
            skipSpace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipSpace()
                return false
            case closing:
                index += 1
                return true
            case nil: throw problem("the document ends inside \(container)")
            default: throw problem("expected ',' or '\(Character(Unicode.Scalar(closing)))' after a value in \(container)")
            }
        }

        /// The length of the UTF-8 sequence of one scalar at `start`, or nil when the bytes
        /// there are not one (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF).
        func utf8Length(at start: Int) -> Int? {
            let lead = bytes[start]
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF4: length = 4; second = 0x80...0x8F
            case 0xF1...0xF3: length = 4
            default: return nil
            }
            guard start + length <= bytes.count, second.contains(bytes[start + 1]) else { return nil }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) { return nil }
            return length
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
