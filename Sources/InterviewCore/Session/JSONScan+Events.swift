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
        scan(data, events: true).events?.summaries
    }
}

extension JSONScan.Scanner {
    /// Whether the bytes at `range` are `text`.
    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        let spelled = text.utf8Start
        var n = 0
        for i in range {
            if bytes[i] != spelled[n] { return false }
            n += 1
        }
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
        if let value = Self.shortDecimal(bytes[start..<index]) { return value }
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

    /// A number token of at most 15 digits and no exponent (`12`, `-5.785`), read as
    /// strtod reads it, without a copy: its digits as an integer are a `Double` exactly,
    /// so are the powers of ten to 10^15, and one division of two exact values rounds as
    /// strtod rounds the decimal (correctly). Nil for any other token.
    static func shortDecimal(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var digits = 0, fractionDigits = 0, inFraction = false, negative = false
        var whole: Int64 = 0
        for byte in token {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                whole = whole &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
                digits += 1
                if inFraction { fractionDigits += 1 }
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): inFraction = true
            default: return nil
            }
            guard digits <= 15 else { return nil }
        }
        let value = Double(whole) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

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

    /// The events, the value of the top-level `events` (so at depth 1 of the document).
    mutating func readEvents() -> [EventSummary]? {
        var events: [EventSummary] = []
        let complete = elements { scanner in
            guard let event = scanner.readEvent() else { return false }
            events.append(event)
            return true
        }
        return complete ? events : nil
    }

    /// One event: an object at depth 3 (the document, `events`, the event), whose other
    /// values are scanned as any value at that depth.
    private mutating func readEvent() -> EventSummary? {
        var at: Double?
        var type: SessionEvent.Kind?
        var event = EventSummary(at: 0, type: .started)
        let read = fields { scanner, key in
            switch scanner.eventField(key) {
            case .at:
                at = scanner.double()
                return at != nil
            case .type:
                guard let range = scanner.plainString() else { return false }
                type = scanner.kind(range)
                return type != nil
            case .undo:
                event.undo = scanner.current == UInt8(ascii: "t")
                return scanner.optionalBool()
            case .on, .redo:
                return scanner.optionalBool()
            case .lines:
                if scanner.current == UInt8(ascii: "n") { return (try? scanner.literal("null")) != nil }
                event.lines = scanner.readLines()
                return event.lines != nil
            case .question: return scanner.readInteger(into: &event.question)
            case .item: return scanner.readInteger(into: &event.item)
            case .rating: return scanner.readInteger(into: &event.rating)
            case .from: return scanner.readInteger(into: &event.from)
            case .removed: return scanner.readInteger(into: &event.removed)
            case nil:
                // A key no event has: the decoder ignores it.
                return (try? scanner.value(depth: 3)) != nil
            }
        }
        guard read, let at, let type else { return nil }
        event.at = at
        event.type = type
        return event
    }

    /// The times of a notes event's lines: objects at depth 5, each with its `text`.
    private mutating func readLines() -> [EventSummary.LineTime]? {
        var lines: [EventSummary.LineTime] = []
        let whole = elements { scanner in
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
                return (try? scanner.value(depth: 5)) != nil
            }
            guard read, text, let lineAt else { return false }
            lines.append(EventSummary.LineTime(at: lineAt))
            return true
        }
        return whole ? lines : nil
    }

    private mutating func readInteger(into field: inout Int?) -> Bool {
        guard let value = integer() else { return false }
        field = value
        return true
    }

    /// The fields an event has, by their keys.
    enum EventField {
        case at, type, undo, on, redo, lines, question, item, rating, from, removed

        var key: StaticString {
            switch self {
            case .at: "at"
            case .type: "type"
            case .undo: "undo"
            case .on: "on"
            case .redo: "redo"
            case .lines: "lines"
            case .question: "question"
            case .item: "item"
            case .rating: "rating"
            case .from: "from"
            case .removed: "removed"
            }
        }
    }

    /// The field `key` names: one comparison of bytes, the candidate chosen by the key's
    /// length and first byte (the events are most of a session file's keys).
    func eventField(_ key: Range<Int>) -> EventField? {
        guard let first = key.first.map({ bytes[$0] }) else { return nil }
        let field: EventField? = switch (key.count, first) {
        case (2, UInt8(ascii: "a")): .at
        case (2, UInt8(ascii: "o")): .on
        case (4, UInt8(ascii: "t")): .type
        case (4, UInt8(ascii: "u")): .undo
        case (4, UInt8(ascii: "r")): .redo
        case (4, UInt8(ascii: "i")): .item
        case (4, UInt8(ascii: "f")): .from
        case (5, UInt8(ascii: "l")): .lines
        case (6, UInt8(ascii: "r")): .rating
        case (7, UInt8(ascii: "r")): .removed
        case (8, UInt8(ascii: "q")): .question
        default: nil
        }
        guard let field, equals(key, field.key) else { return nil }
        return field
    }

    /// Each event type as it is spelled in a file.
    private static let kinds = SessionEvent.Kind.allCases.map { (spelling: Array($0.rawValue.utf8), kind: $0) }

    /// The event type spelled by the bytes at `range`, without making a string of them.
    func kind(_ range: Range<Int>) -> SessionEvent.Kind? {
        Self.kinds.first { $0.spelling.count == range.count && $0.spelling.elementsEqual(bytes[range]) }?.kind
    }
}
