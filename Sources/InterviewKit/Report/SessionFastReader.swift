import Foundation

/// A fast, strict reader of session files, for `interview stats` over many of them.
/// Foundation's `JSONDecoder` spends about 3 ms on a 45-minute session (most of it
/// building the events); this reads the same bytes straight into the same values about
/// ten times faster. It takes only what it is sure `SessionFile.decode` takes, with the
/// same result: anything else (another format or version, a type or key it does not
/// expect, a number or escape it does not handle, invalid UTF-8, duplicate keys) makes
/// it return nil, and the caller reads the file with `SessionStore.read`, which gives
/// the value or the exact error. Tests check that both readers agree.
enum SessionFastReader {
    struct Unsupported: Error {}

    /// The session in `data`, or nil when `SessionStore.read` must decide.
    static func decode(_ data: Data) -> SessionFile? {
        data.withUnsafeBytes { raw -> SessionFile? in
            var parser = Parser(bytes: raw.bindMemory(to: UInt8.self))
            return try? parser.sessionFile()
        }
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        // MARK: - The session file's shape, as its synthesized Codable reads it

        mutating func sessionFile() throws(Unsupported) -> SessionFile {
            var format: String?, version: Int?, id: String?, mode: SessionMode?, status: SessionStatus?
            var candidate: String?, interviewer: String?, startedAt: String?, endedAt: String?
            var bank: SessionFile.BankInfo?, questions: [SessionFile.QuestionRecord]?, recommendation: Int?
            var closingNotes: [NoteLine]?, clockSeconds: Double?, events: EventLog?
            try object { p, key throws(Unsupported) in
                switch key {
                case "format": format = try p.once(format) { p throws(Unsupported) in try p.string() }
                case "version": version = try p.once(version) { p throws(Unsupported) in try p.int() }
                case "id": id = try p.once(id) { p throws(Unsupported) in try p.string() }
                case "mode": mode = try p.once(mode) { p throws(Unsupported) in try p.enumeration(SessionMode.self) }
                case "status": status = try p.once(status) { p throws(Unsupported) in try p.enumeration(SessionStatus.self) }
                case "candidate": candidate = try p.once(candidate) { p throws(Unsupported) in try p.string() }
                case "interviewer": interviewer = try p.once(interviewer) { p throws(Unsupported) in try p.string() }
                case "startedAt": startedAt = try p.once(startedAt) { p throws(Unsupported) in try p.string() }
                case "endedAt": endedAt = try p.onceOptional(endedAt) { p throws(Unsupported) in try p.string() }
                case "bank": bank = try p.once(bank) { p throws(Unsupported) in try p.bankInfo() }
                case "questions": questions = try p.once(questions) { p throws(Unsupported) in try p.array { p throws(Unsupported) in try p.question() } }
                case "recommendation": recommendation = try p.onceOptional(recommendation) { p throws(Unsupported) in try p.int() }
                case "closingNotes": closingNotes = try p.once(closingNotes) { p throws(Unsupported) in try p.notes() }
                case "clockSeconds": clockSeconds = try p.once(clockSeconds) { p throws(Unsupported) in try p.double() }
                case "events": events = try p.once(events) { p throws(Unsupported) in EventLog(try p.array { p throws(Unsupported) in try p.event() }) }
                default: try p.skipValue()
                }
            }
            skipSpace()
            guard i == bytes.count, format == SessionFile.format, let version, version >= 1,
                  version <= SessionFile.currentVersion, let id, let mode, let status, let candidate, let interviewer,
                  let startedAt, let bank, let questions, let closingNotes, let clockSeconds, let events
            else { throw Unsupported() }
            return SessionFile(format: SessionFile.format, version: version, id: id, mode: mode, status: status,
                               candidate: candidate, interviewer: interviewer, startedAt: startedAt, endedAt: endedAt,
                               bank: bank, questions: questions, recommendation: recommendation,
                               closingNotes: closingNotes, clockSeconds: clockSeconds, events: events)
        }

        mutating func bankInfo() throws(Unsupported) -> SessionFile.BankInfo {
            var title: String?, source: String?, hash: String?, duration: Int?
            try object { p, key throws(Unsupported) in
                switch key {
                case "title": title = try p.once(title) { p throws(Unsupported) in try p.string() }
                case "source": source = try p.once(source) { p throws(Unsupported) in try p.string() }
                case "hash": hash = try p.once(hash) { p throws(Unsupported) in try p.string() }
                case "durationSeconds": duration = try p.once(duration) { p throws(Unsupported) in try p.int() }
                default: try p.skipValue()
                }
            }
            guard let title, let source, let hash, let duration else { throw Unsupported() }
            return .init(title: title, source: source, hash: hash, durationSeconds: duration)
        }

        mutating func question() throws(Unsupported) -> SessionFile.QuestionRecord {
            var id: String?, prompt: String?, time: Int?, tags: [String]?, whyAsk: String?, expected: String?
            var evaluate: String?, rubric: [SessionFile.RubricItem]?, elapsed: Int?, notes: [NoteLine]?, rating: Int?
            var ratingSeen = false
            try object { p, key throws(Unsupported) in
                switch key {
                case "id": id = try p.once(id) { p throws(Unsupported) in try p.string() }
                case "prompt": prompt = try p.once(prompt) { p throws(Unsupported) in try p.string() }
                case "timeSeconds": time = try p.once(time) { p throws(Unsupported) in try p.int() }
                case "tags": tags = try p.once(tags) { p throws(Unsupported) in try p.array { p throws(Unsupported) in try p.string() } }
                case "whyAsk": whyAsk = try p.once(whyAsk) { p throws(Unsupported) in try p.string() }
                case "expectedAnswer": expected = try p.once(expected) { p throws(Unsupported) in try p.string() }
                case "howToEvaluate": evaluate = try p.once(evaluate) { p throws(Unsupported) in try p.string() }
                case "rubric": rubric = try p.once(rubric) { p throws(Unsupported) in try p.array { p throws(Unsupported) in try p.rubricItem() } }
                case "elapsedSeconds": elapsed = try p.once(elapsed) { p throws(Unsupported) in try p.int() }
                case "notes": notes = try p.once(notes) { p throws(Unsupported) in try p.notes() }
                case "rating":
                    guard !ratingSeen else { throw Unsupported() }
                    ratingSeen = true
                    rating = try p.nullable { p throws(Unsupported) in try p.int() }
                default: try p.skipValue()
                }
            }
            guard let id, let prompt, let time, let tags, let whyAsk, let expected, let evaluate, let rubric,
                  let elapsed, let notes else { throw Unsupported() }
            return .init(id: id, prompt: prompt, timeSeconds: time, tags: tags, whyAsk: whyAsk, expectedAnswer: expected,
                         howToEvaluate: evaluate, rubric: rubric, elapsedSeconds: elapsed, notes: notes, rating: rating)
        }

        mutating func rubricItem() throws(Unsupported) -> SessionFile.RubricItem {
            var text: String?, checked: Bool?
            try object { p, key throws(Unsupported) in
                switch key {
                case "text": text = try p.once(text) { p throws(Unsupported) in try p.string() }
                case "checked": checked = try p.once(checked) { p throws(Unsupported) in try p.bool() }
                default: try p.skipValue()
                }
            }
            guard let text, let checked else { throw Unsupported() }
            return .init(text: text, checked: checked)
        }

        mutating func notes() throws(Unsupported) -> [NoteLine] {
            try array { p throws(Unsupported) in try p.note() }
        }

        mutating func note() throws(Unsupported) -> NoteLine {
            var at: Double?, text: String?
            try object { p, key throws(Unsupported) in
                switch key {
                case "at": at = try p.once(at) { p throws(Unsupported) in try p.double() }
                case "text": text = try p.once(text) { p throws(Unsupported) in try p.string() }
                default: try p.skipValue()
                }
            }
            guard let at, let text else { throw Unsupported() }
            return NoteLine(at: at, text: text)
        }

        mutating func event() throws(Unsupported) -> SessionEvent {
            var at: Double?, type: SessionEvent.Kind?
            var question: Int?, item: Int?, rating: Int?, on: Bool?, from: Int?, removed: Int?, lines: [NoteLine]?
            var seen: UInt16 = 0
            func first(_ bit: UInt16) throws(Unsupported) {
                guard seen & bit == 0 else { throw Unsupported() }
                seen |= bit
            }
            try object { p, key throws(Unsupported) in
                switch key {
                case "at": try first(1); at = try p.double()
                case "type": try first(2); type = try p.kind()
                case "question": try first(4); question = try p.nullable { p throws(Unsupported) in try p.int() }
                case "item": try first(8); item = try p.nullable { p throws(Unsupported) in try p.int() }
                case "rating": try first(16); rating = try p.nullable { p throws(Unsupported) in try p.int() }
                case "on": try first(32); on = try p.nullable { p throws(Unsupported) in try p.bool() }
                case "from": try first(64); from = try p.nullable { p throws(Unsupported) in try p.int() }
                case "removed": try first(128); removed = try p.nullable { p throws(Unsupported) in try p.int() }
                case "lines": try first(256); lines = try p.nullable { p throws(Unsupported) in try p.notes() }
                default: try p.skipValue()
                }
            }
            guard let at, let type else { throw Unsupported() }
            var event = SessionEvent(at: at, type: type, question: question, item: item, rating: rating, on: on,
                                     from: from, removed: removed, lines: lines)
            event.at = at  // as decoded, not rounded as the initializer does
            return event
        }

        // MARK: - Keys and values

        /// A required key's value; a second occurrence of the key is not handled.
        mutating func once<T>(_ current: T?, _ read: (inout Parser) throws(Unsupported) -> T) throws(Unsupported) -> T {
            guard current == nil else { throw Unsupported() }
            return try read(&self)
        }

        /// An optional key's value (null is nil); a second occurrence is not handled.
        mutating func onceOptional<T>(_ current: T?, _ read: (inout Parser) throws(Unsupported) -> T) throws(Unsupported) -> T? {
            guard current == nil else { throw Unsupported() }
            return try nullable(read)
        }

        mutating func nullable<T>(_ read: (inout Parser) throws(Unsupported) -> T) throws(Unsupported) -> T? {
            skipSpace()
            if literal("null") { return nil }
            return try read(&self)
        }

        /// An object key, as the bytes between its quotes. Keys with escapes are not handled,
        /// nor any byte beyond ASCII: no key of the format has one, and the decoder is the one
        /// to say what is wrong with bytes that are not UTF-8 (found by fuzzing).
        struct Key {
            let bytes: UnsafeBufferPointer<UInt8>

            static func ~= (pattern: StaticString, key: Key) -> Bool {
                pattern.utf8CodeUnitCount == key.bytes.count
                    && memcmp(pattern.utf8Start, key.bytes.baseAddress!, key.bytes.count) == 0
            }
        }

        mutating func key() throws(Unsupported) -> Key {
            try expect(UInt8(ascii: "\""))
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20, bytes[i] < 0x80 {
                i += 1
            }
            guard peek == UInt8(ascii: "\""), i > start else { throw Unsupported() }
            i += 1
            return Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]))
        }

        mutating func object(_ member: (inout Parser, Key) throws(Unsupported) -> Void) throws(Unsupported) {
            skipSpace()
            try expect(UInt8(ascii: "{"))
            skipSpace()
            if peek == UInt8(ascii: "}") { i += 1; return }
            while true {
                skipSpace()
                let key = try key()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                try member(&self, key)
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}"))
                return
            }
        }

        mutating func array<T>(_ element: (inout Parser) throws(Unsupported) -> T) throws(Unsupported) -> [T] {
            skipSpace()
            try expect(UInt8(ascii: "["))
            var out: [T] = []
            skipSpace()
            if peek == UInt8(ascii: "]") { i += 1; return out }
            while true {
                out.append(try element(&self))
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]"))
                return out
            }
        }

        mutating func skipValue() throws(Unsupported) {
            skipSpace()
            switch peek {
            case UInt8(ascii: "{"): try object { p, _ throws(Unsupported) in try p.skipValue() }
            case UInt8(ascii: "["): _ = try array { p throws(Unsupported) in try p.skipValue() }
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
            case UInt8(ascii: "n"): guard literal("null") else { throw Unsupported() }
            default: _ = try double()
            }
        }

        /// The event kinds this reader knows; a kind added later makes it step aside.
        static let kinds: [(StaticString, SessionEvent.Kind)] = [
            ("started", .started), ("questionOpened", .questionOpened), ("rubricToggled", .rubricToggled),
            ("rated", .rated), ("notesEdited", .notesEdited), ("paused", .paused), ("resumed", .resumed),
            ("shareSafe", .shareSafe), ("wrapUp", .wrapUp), ("recommended", .recommended),
            ("closingNotesEdited", .closingNotesEdited), ("interrupted", .interrupted), ("reopened", .reopened),
            ("ended", .ended),
        ]

        mutating func kind() throws(Unsupported) -> SessionEvent.Kind {
            skipSpace()
            let name = try key()
            for (raw, kind) in Self.kinds where raw ~= name {
                guard kind.rawValue == "\(raw)" else { throw Unsupported() }
                return kind
            }
            throw Unsupported()
        }

        mutating func enumeration<E: RawRepresentable>(_: E.Type) throws(Unsupported) -> E where E.RawValue == String {
            guard let value = E(rawValue: try string()) else { throw Unsupported() }
            return value
        }

        mutating func bool() throws(Unsupported) -> Bool {
            skipSpace()
            if literal("true") { return true }
            if literal("false") { return false }
            throw Unsupported()
        }

        /// Plain integers only (`-?(0|[1-9][0-9]*)`, no fraction or exponent).
        mutating func int() throws(Unsupported) -> Int {
            skipSpace()
            var negative = false
            if peek == UInt8(ascii: "-") { negative = true; i += 1 }
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int(bytes[i] - UInt8(ascii: "0")))
                guard !o1, !o2 else { throw Unsupported() }
                value = sum
                i += 1
            }
            let length = i - start
            guard length > 0, !(length > 1 && bytes[start] == UInt8(ascii: "0")) else { throw Unsupported() }
            if i < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[i]) {
                throw Unsupported()
            }
            return negative ? -value : value
        }

        static let powersOfTen: [Double] = (0...16).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

        /// A JSON number (strict grammar), finite.
        mutating func double() throws(Unsupported) -> Double {
            skipSpace()
            let start = i
            if peek == UInt8(ascii: "-") { i += 1 }
            func digits(_ p: inout Parser) -> Int {
                let s = p.i
                while p.i < p.bytes.count, p.bytes[p.i] >= UInt8(ascii: "0"), p.bytes[p.i] <= UInt8(ascii: "9") { p.i += 1 }
                return p.i - s
            }
            let intStart = i
            let intDigits = digits(&self)
            guard intDigits > 0, !(intDigits > 1 && bytes[intStart] == UInt8(ascii: "0")) else { throw Unsupported() }
            if peek == UInt8(ascii: ".") {
                i += 1
                guard digits(&self) > 0 else { throw Unsupported() }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                i += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
                guard digits(&self) > 0 else { throw Unsupported() }
            } else if i - intStart <= 16 {
                // At most 15 significant digits and no exponent: the mantissa and the power
                // of ten are exact doubles, so one division is the correctly rounded value.
                var mantissa: Int64 = 0
                var fraction = 0
                var inFraction = false
                for b in bytes[intStart..<i] {
                    if b == UInt8(ascii: ".") { inFraction = true; continue }
                    mantissa = mantissa * 10 + Int64(b - UInt8(ascii: "0"))
                    if inFraction { fraction += 1 }
                }
                if mantissa < 1_000_000_000_000_000 {
                    let value = Double(mantissa) / Self.powersOfTen[fraction]
                    return bytes[start] == UInt8(ascii: "-") ? -value : value
                }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw Unsupported() }
            return value
        }

        mutating func string() throws(Unsupported) -> String {
            skipSpace()
            try expect(UInt8(ascii: "\""))
            let start = i
            var escaped = false
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { break }
                if b < 0x20 { throw Unsupported() }
                if b == UInt8(ascii: "\\") { escaped = true; i += 1 }
                i += 1
            }
            guard i < bytes.count else { throw Unsupported() }
            let end = i
            i += 1
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return escaped ? try unescape(slice) : try Self.text(slice)
        }

        /// The UTF-8 bytes as a String; invalid UTF-8 is not handled (`String(decoding:)`
        /// would repair it, so a repaired text is refused by comparing the bytes).
        static func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(Unsupported) -> String {
            let text = String(decoding: utf8, as: UTF8.self)
            if utf8.allSatisfy({ $0 < 0x80 }) { return text }
            var copy = text
            let same = copy.withUTF8 { $0.count == utf8.count && memcmp($0.baseAddress!, utf8.baseAddress!, utf8.count) == 0 }
            guard same else { throw Unsupported() }
            return text
        }

        private func unescape(_ slice: UnsafeBufferPointer<UInt8>) throws(Unsupported) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var k = 0
            func hex4(_ at: Int) throws(Unsupported) -> UInt32 {
                guard at + 4 <= slice.count else { throw Unsupported() }
                var v: UInt32 = 0
                for b in slice[at..<(at + 4)] {
                    let d: UInt32
                    switch b {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
                    default: throw Unsupported()
                    }
                    v = v << 4 | d
                }
                return v
            }
            while k < slice.count {
                guard slice[k] == UInt8(ascii: "\\") else {
                    var end = k + 1
                    while end < slice.count, slice[end] != UInt8(ascii: "\\") { end += 1 }
                    out.append(contentsOf: slice[k..<end])
                    k = end
                    continue
                }
                guard k + 1 < slice.count else { throw Unsupported() }
                let c = slice[k + 1]
                k += 2
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var value = try hex4(k)
                    k += 4
                    if (0xD800...0xDBFF).contains(value) {
                        guard k + 6 <= slice.count, slice[k] == UInt8(ascii: "\\"), slice[k + 1] == UInt8(ascii: "u") else {
                            throw Unsupported()
                        }
                        let low = try hex4(k + 2)
                        guard (0xDC00...0xDFFF).contains(low) else { throw Unsupported() }
                        k += 6
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(value) {
                        throw Unsupported()
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw Unsupported() }
                    out.append(contentsOf: Array(String(scalar).utf8))
                default: throw Unsupported()
                }
            }
            return try out.withUnsafeBufferPointer { buffer throws(Unsupported) in try Self.text(buffer) }
        }

        // MARK: - Bytes

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x0A, 0x0D, 0x09: i += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8) throws(Unsupported) {
            guard peek == byte else { throw Unsupported() }
            i += 1
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let matches = word.withUTF8Buffer { w in (0..<count).allSatisfy { bytes[i + $0] == w[$0] } }
            if matches { i += count }
            return matches
        }
    }
}
