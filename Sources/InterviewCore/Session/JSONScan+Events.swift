#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

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

    /// A string value that decodes to the same text as its bytes (no escape; `string` checks the UTF-8).
    mutating func plainString() -> Range<Int>? {
        guard current == UInt8(ascii: "\""), let (range, escaped) = try? string(), !escaped else { return nil }
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
                if scanner.equals(key, "on") || scanner.equals(key, "redo") { return scanner.optionalBool() }
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
