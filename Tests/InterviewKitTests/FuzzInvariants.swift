import Foundation
@testable import InterviewCore
@testable import InterviewImport
@testable import InterviewReports

/// What each fuzz target asserts of one input. This one file is compiled twice: into
/// the test target, where `FuzzRegressionTests` feeds it every input kept under
/// `Fixtures/Fuzz/<target>/`, and by `scripts/fuzz` into the libFuzzer harness
/// (`Fuzz/Harness.swift`), so the fuzzer and the regression tests check the very same
/// thing. It may use only Foundation and the Interview* modules it imports.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `BankParser.parse(bytes:file:)`: a bank that `BankWriter` writes back as the same
    /// bank, or an `InputError` at a place inside the input.
    case bank
    /// `ThemeLoader.parse(_:file:)` on the text as `ThemeLoader` reads a file: a theme, or an `InputError` inside the input.
    case theme
    /// `SessionFile.decode` as resume, replay and report use it, and `SessionSummary.decode` as stats uses it.
    case session
    /// `ArticleImporter.importArticle`: a bank whose Markdown parses to the same questions,
    /// or an `InputError` inside the input that is not the importer's own failure.
    case importer

    /// What went wrong with this input, or nil when every invariant holds.
    func violation(_ bytes: [UInt8]) -> String? {
        switch self {
        case .bank: Self.bankViolation(bytes)
        case .theme: Self.themeViolation(bytes)
        case .session: Self.sessionViolation(bytes)
        case .importer: Self.importerViolation(bytes)
        }
    }

    static let file = "fuzz-input"

    static func bankViolation(_ bytes: [UInt8]) -> String? {
        // Every error and warning `validate` shows points inside the file too, and there is a bank exactly when there is no error.
        let check = BankParser.check(bytes: bytes, file: file)
        for problem in check.errors + check.warnings {
            if let violation = placeViolation(problem, in: bytes) { return "BankParser.check: \(violation)" }
        }
        if check.errors.isEmpty == (check.bank == nil) { return "BankParser.check: \(check.errors.count) errors and \(check.bank == nil ? "no " : "a ")bank" }
        do throws(InputError) {
            let bank = try BankParser.parse(bytes: bytes, file: file)
            // `parse` reads no warnings: the bank is the one `check` reads all the same.
            if bank != check.bank { return "BankParser.parse reads another bank than check" }
            if bank.title.isEmpty { return "a bank with an empty title" }
            if bank.questions.contains(where: { $0.prompt.isEmpty }) { return "a question with an empty prompt" }
            if Set(bank.questions.map(\.id)).count != bank.questions.count { return "two questions with one id" }
            return rewriteViolation(bank)
        } catch {
            if error.description != check.errors.first?.description { return "BankParser.parse says \(error), check first says \(check.errors.first.map(\.description) ?? "nothing")" }
            return placeViolation(error, in: bytes)
        }
    }

    /// What `BankWriter` writes of a bank must read back as that bank.
    static func rewriteViolation(_ bank: Bank) -> String? {
        let markdown = BankWriter.markdown(bank, notes: ["a note"])
        do throws(InputError) {
            var again = try BankParser.parse(bytes: Array(markdown.utf8), file: file)
            again.source = bank.source
            again.hash = bank.hash
            guard again == bank else {
                return "BankWriter's Markdown reads back as another bank (\(difference(bank, again)))"
            }
            return nil
        } catch {
            return "BankWriter's Markdown does not parse: \(error)"
        }
    }

    /// The first field in which two banks differ, for the crash message.
    static func difference(_ a: Bank, _ b: Bank) -> String {
        guard a.questions.count == b.questions.count else { return "\(a.questions.count) questions, then \(b.questions.count)" }
        for (n, (x, y)) in zip(a.questions, b.questions).enumerated() where x != y {
            let fields: [(String, Bool)] = [
                ("id", x.id == y.id), ("prompt", x.prompt == y.prompt), ("time", x.timeSeconds == y.timeSeconds),
                ("tags", x.tags == y.tags), ("why ask", x.whyAsk == y.whyAsk),
                ("expected answer", x.expectedAnswer == y.expectedAnswer),
                ("how to evaluate", x.howToEvaluate == y.howToEvaluate), ("rubric", x.rubric == y.rubric),
                ("competencies", x.competencies == y.competencies), ("follow-ups", x.followUps == y.followUps),
                ("anchors", x.anchors == y.anchors),
            ]
            return "question \(n + 1): " + fields.filter { !$0.1 }.map(\.0).joined(separator: ", ")
        }
        return "front matter"
    }

    static func importerViolation(_ bytes: [UInt8]) -> String? {
        do throws(InputError) {
            let article = try ArticleImporter.importArticle(bytes: bytes, file: file)
            let reread = try? BankParser.parse(bytes: Array(article.markdown.utf8), file: file)
            guard let reread else { return "the imported Markdown does not parse" }
            if reread.questions.count != article.bank.questions.count || reread.questions.isEmpty {
                return "the imported Markdown has \(reread.questions.count) questions, the bank \(article.bank.questions.count)"
            }
            return nil
        } catch {
            // The importer checks its own Markdown and says "please report this" when it fails.
            if error.message.contains("does not validate") { return "the importer's bank does not validate: \(error)" }
            return placeViolation(error, in: bytes)
        }
    }

    static func themeViolation(_ bytes: [UInt8]) -> String? {
        // ThemeLoader.readText refuses what is not UTF-8 and drops a byte-order mark before parsing.
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let body = text.hasPrefix("\u{feff}") ? String(text.dropFirst()) : text
        do throws(InputError) {
            let theme = try ThemeLoader.parse(body, file: file)
            if let missing = Role.allCases.first(where: { theme.styles[$0] == nil }) { return "a theme without the role \(missing)" }
            return nil
        } catch {
            return placeViolation(error, in: Array(body.utf8))
        }
    }

    static func sessionViolation(_ bytes: [UInt8]) -> String? {
        let data = Data(bytes)
        let summary = Result(catching: { () throws(InputError) -> SessionSummary in try SessionSummary.decode(data, file: file) })
        let session: SessionFile
        do throws(InputError) {
            session = try SessionFile.decode(data, file: file)
        } catch {
            switch summary {
            case .failure(let refusal) where refusal != error:
                return "the summary and the whole file are refused with different errors (\(refusal); \(error))"
            case .success where (try? JSONDecoder().decode(EventsOnly.self, from: data)) != nil:
                return "the summary reads a file refused for more than its events (\(error))"
            default:
                return placeViolation(error, in: bytes)
            }
        }
        guard case .success(let read) = summary else { return "the summary refuses what SessionFile.decode reads" }
        if read != SessionSummary(session) { return "the summary and the whole file read different values" }
        // What the engine saves of it: a summary derived from the events, which stats
        // reads as the report the events give.
        do {
            let saved = try SessionEngine(file: session).snapshot(at: session.clockSeconds).encoded()
            let whole = SessionReport(try SessionFile.decode(saved, file: file), file: file)
            guard let fromSummary = SessionReport(try SessionSummary.decode(saved, file: file), file: file) else {
                return "a summary saved without its total time"
            }
            if fromSummary != whole { return "the saved summary reports other than the events (\(whole.id))" }
        } catch {
            return "the session saved by the engine cannot be read again: \(error)"
        }
        // Saving what was read must give it back, in this program's version: resume saves
        // the file it read.
        do {
            let again = try SessionFile.decode(session.encoded(), file: file)
            var current = session
            current.version = SessionFile.currentVersion
            if again != current { return "saving and reading the session again changes it" }
        } catch {
            return "the session read cannot be saved and read again: \(error)"
        }
        // What resume, mirror, replay and report then do with it. The screens look each
        // question of the fold up among the file's: there must be one for each.
        let engine = SessionEngine(file: session)
        if engine.state.questions.count != engine.questions.count {
            return "the events make \(engine.state.questions.count) questions, the file holds \(engine.questions.count)"
        }
        let timeline = Timeline(session)
        _ = timeline.state(at: timeline.end / 2)
        let report = SessionReport(session, file: file)
        for format in Scorecard.Format.allCases where Scorecard.render([report], as: format).isEmpty {
            return "an empty \(format) report"
        }
        return nil
    }

    /// An error must point inside the input: line 1 up to one past the last line, and a
    /// column from 1 up to one past the end of that line (counted in bytes, the widest unit);
    /// or be of the whole input, with no place at all (line and column 0).
    static func placeViolation(_ error: InputError, in bytes: [UInt8]) -> String? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if error.line == 0, error.column == 0 {
            return error.message.isEmpty || error.file != file ? "error without a message or file: \(error)" : nil
        }
        guard error.line >= 1, error.column >= 1, error.line <= lines.count + 1 else {
            return "error outside the input (\(lines.count) lines): \(error)"
        }
        let length = error.line <= lines.count ? lines[error.line - 1].count : 0
        guard error.column <= length + 1 else {
            return "error past the end of line \(error.line) (\(length) bytes): \(error)"
        }
        guard !error.message.isEmpty, error.file == file else { return "error without a message or file: \(error)" }
        return nil
    }
}

/// A session file's events alone.
private struct EventsOnly: Decodable {
    var events: EventLog
}

extension SessionSummary {
    /// The summary of a session read whole: what `SessionSummary.decode` must read of it.
    init(_ file: SessionFile) {
        self.init(id: file.id, mode: file.mode, status: file.status, candidate: file.candidate,
                  interviewer: file.interviewer, startedAt: file.startedAt, endedAt: file.endedAt, bank: file.bank,
                  questions: file.questions, recommendation: file.recommendation, closingNotes: file.closingNotes,
                  clockSeconds: file.clockSeconds, totalSeconds: file.totalSeconds, amendedAt: file.amendedAt,
                  overallAmended: file.overallAmended, events: file.events.map(EventSummary.init))
    }
}

/// The session target's structure-aware mutator: from a session that parses as JSON, a
/// session that still does, with one value or count edited the way a hand, a bug or an
/// attacker would: a number made huge, negative, fractional, not representable (`1e999`)
/// or an integer's extremes; a value of the wrong type; an array emptied, cut, its
/// elements swapped (event times going back) or doubled; a key removed or given twice.
/// `scripts/fuzz` calls it through libFuzzer's `LLVMFuzzerCustomMutator`
/// (`Fuzz/Harness.swift`); `SessionMutationTests` runs it seeded.
enum SessionMutator {
    /// The mutated document, or nil when `bytes` is not a JSON object or array.
    static func mutate(_ bytes: [UInt8], seed: UInt64) -> [UInt8]? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
              root is [String: Any] || root is [Any] else { return nil }
        var random = SplitMix(state: seed)
        var paths: [[PathStep]] = []
        collect(root, [], into: &paths)
        guard !paths.isEmpty else { return nil }
        var edited = root
        // One edit most of the time, a few now and then.
        for _ in 0..<(random.next() % 4 == 0 ? 1 + Int(random.next() % 3) : 1) {
            let path = paths[Int(random.next() % UInt64(paths.count))]
            edited = edit(edited, at: path[...], random: &random)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: edited, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed]) else {
            return nil
        }
        return Array(unmark(String(decoding: data, as: UTF8.self)).utf8)
    }

    enum PathStep {
        case key(String)
        case index(Int)
    }

    /// Every value's path, containers included.
    static func collect(_ value: Any, _ path: [PathStep], into paths: inout [[PathStep]]) {
        paths.append(path)
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { collect(object[key]!, path + [.key(key)], into: &paths) }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() { collect(element, path + [.index(index)], into: &paths) }
        }
    }

    static func edit(_ value: Any, at path: ArraySlice<PathStep>, random: inout SplitMix) -> Any {
        guard let step = path.first else { return replacement(for: value, random: &random) }
        switch step {
        case .key(let key):
            guard var object = value as? [String: Any], let inner = object[key] else { return value }
            if path.count == 1 {
                switch random.next() % 8 {
                case 0: object[key] = nil
                case 1: object[marker + "DUP:" + key] = replacement(for: inner, random: &random)
                default: object[key] = replacement(for: inner, random: &random)
                }
            } else {
                object[key] = edit(inner, at: path.dropFirst(), random: &random)
            }
            return object
        case .index(let index):
            guard var array = value as? [Any], array.indices.contains(index) else { return value }
            array[index] = edit(array[index], at: path.dropFirst(), random: &random)
            return array
        }
    }

    /// Numbers that stop a program that trusts them, and the edges of the sane ones.
    static let numbers = ["1e300", "-1e300", "1e19", "-1e19", "1e999", "-1e999", "9223372036854775807",
                          "-9223372036854775808", "9223372036854775808", "18446744073709551616", "-1", "0", "-0",
                          "0.5", "1e-300", "4", "5", "10000000", "10000001", "2147483648", "3.0e2"]

    static func replacement(for value: Any, random: inout SplitMix) -> Any {
        let pick = random.next()
        if var array = value as? [Any] {
            switch pick % 6 {
            case 0: return [Any]()
            case 1: if !array.isEmpty { array.removeLast(Int(random.next() % UInt64(array.count)) + 1) }
            case 2: if array.count > 1 { array.swapAt(0, Int(random.next() % UInt64(array.count))) ; array.reverse() }
            case 3: if let first = array.first { array.insert(first, at: Int(random.next() % UInt64(array.count + 1))) }
            case 4: if let last = array.last { array.append(last); array.append(last) }
            default: return wrongType(random: &random)
            }
            return array
        }
        if value is [String: Any] { return pick % 3 == 0 ? [String: Any]() : wrongType(random: &random) }
        switch pick % 5 {
        case 0, 1, 2: return marker + "NUM:" + numbers[Int(random.next() % UInt64(numbers.count))]
        case 3: return wrongType(random: &random)
        default: return value is String ? String(repeating: "\u{1B}[31m", count: 3) : marker + "NUM:" + "\(Int(random.next() % 40) - 3)"
        }
    }

    static func wrongType(random: inout SplitMix) -> Any {
        [true, "x", NSNull(), [Any](), [String: Any](), marker + "NUM:1.5"][Int(random.next() % 6)]
    }

    /// Strings the edit leaves for what JSONSerialization cannot write: a raw number, a second key.
    static let marker = "\u{1}"

    static func unmark(_ text: String) -> String {
        var out = text
        // "\u0001NUM:1e999" is the number itself; "\u0001DUP:key" the key again.
        while let range = out.range(of: "\"\\u0001NUM:") {
            guard let end = out[range.upperBound...].firstIndex(of: "\"") else { break }
            out.replaceSubrange(range.lowerBound...end, with: out[range.upperBound..<end])
        }
        out = out.replacingOccurrences(of: "\"\\u0001DUP:", with: "\"")
        return out
    }

    /// A small seeded generator (SplitMix64), so that a seed gives the same edits everywhere.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
