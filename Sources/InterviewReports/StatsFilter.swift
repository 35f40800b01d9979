#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Which sessions `interview stats` counts: `--bank`, `--interviewer`, `--candidate`,
/// `--since`, `--until`, `--mode`. Every condition given must hold; none given keeps all.
///
/// - bank: the bank's title, its source (`builtin:machine-learning`, a path), or its name
///   (`machine-learning`: the source's file name without `.md`), case-insensitively;
/// - interviewer, candidate: the whole name or whole words of it, in order, ignoring case
///   and accents (`grace`, `Grace Hopper` and `hopper` match "Grace Hopper"; `gra` does not);
/// - since, until: days (UTC, as the tables show dates), both included: `YYYY-MM-DD`, or
///   counted back from today (`today`, `yesterday`, `7d`, `2w`), kept as the day they name;
/// - mode: live or practice.
public struct StatsFilter: Hashable, Sendable {
    public var bank: String?
    public var interviewer: String?
    public var candidate: String?
    /// The first day kept, `YYYY-MM-DD`.
    public var since: String?
    /// The last day kept, `YYYY-MM-DD`.
    public var until: String?
    public var mode: SessionMode?

    private var sinceDate: Date?
    /// The start of the day after `until`.
    private var untilDate: Date?

    public init() {}

    /// A filter from the command line's values; a date that is not a day (`day`), or an
    /// `--until` before `--since`, is an error at `--since:1:COLUMN` (or `--until`).
    /// `now` is the today that relative days count back from.
    public init(bank: String? = nil, interviewer: String? = nil, candidate: String? = nil,
                since: String? = nil, until: String? = nil, mode: SessionMode? = nil, now: Date = Date()) throws(InputError) {
        self.bank = bank
        self.interviewer = interviewer
        self.candidate = candidate
        self.mode = mode
        if let since {
            let date = try Self.day(since, option: "--since", now: now)
            self.since = Self.label(date)
            sinceDate = date
        }
        if let until {
            let date = try Self.day(until, option: "--until", now: now)
            self.until = Self.label(date)
            untilDate = date.addingTimeInterval(86_400)
        }
        if let sinceDate, let untilDate, untilDate <= sinceDate {
            throw InputError(file: "--until",
                             message: "\(self.until ?? "") is before --since \(self.since ?? ""): expected a day on or after it")
        }
    }

    public var isEmpty: Bool {
        bank == nil && interviewer == nil && candidate == nil && since == nil && until == nil && mode == nil
    }

    /// What it keeps, for a person: `bank machine-learning, since 2027-01-01`.
    public var summary: String {
        var parts: [String] = []
        if let bank { parts.append("bank \(VisibleText.visible(bank))") }
        if let interviewer { parts.append("interviewer \(VisibleText.visible(interviewer))") }
        if let candidate { parts.append("candidate \(VisibleText.visible(candidate))") }
        if let since { parts.append("since \(since)") }
        if let until { parts.append("until \(until)") }
        if let mode { parts.append("mode \(mode.rawValue)") }
        return parts.joined(separator: ", ")
    }

    public func matches(_ session: StatsSession) -> Bool {
        if let mode, session.mode != mode { return false }
        if let bank, !Self.isBank(bank, session.bank) { return false }
        if let interviewer, !Self.isName(interviewer, session.interviewer) { return false }
        if let candidate, !Self.isName(candidate, session.candidate) { return false }
        if sinceDate != nil || untilDate != nil {
            // A session whose start cannot be read is outside every range.
            guard let started = Self.date(session.startedAt) else { return false }
            if let sinceDate, started < sinceDate { return false }
            if let untilDate, started >= untilDate { return false }
        }
        return true
    }

    static func isBank(_ wanted: String, _ bank: SessionFile.BankInfo) -> Bool {
        let wanted = wanted.lowercased()
        if bank.title.lowercased() == wanted || bank.source.lowercased() == wanted { return true }
        var name = bank.source
        if name.hasPrefix("builtin:") { name.removeFirst("builtin:".count) }
        name = URL(fileURLWithPath: name).lastPathComponent
        if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
        return name.lowercased() == wanted
    }

    static func words(_ text: String) -> [String] {
        text.folded(ignoringWidth: true)
            .split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Whether the words of `wanted` are whole words of `name`, one after another.
    static func isName(_ wanted: String, _ name: String) -> Bool {
        let want = words(wanted), have = words(name)
        guard !want.isEmpty, want.count <= have.count else { return want.isEmpty && have.isEmpty }
        return (0...(have.count - want.count)).contains { Array(have[$0..<($0 + want.count)]) == want }
    }

    /// The start (UTC) of the day `text`: `YYYY-MM-DD` and a real date, or a day counted
    /// back from `now`'s: `today`, `yesterday`, `Nd` (N days ago), `Nw` (N weeks ago).
    public static func day(_ text: String, option: String, now: Date = Date()) throws(InputError) -> Date {
        func fail(_ column: Int, _ what: String) -> InputError {
            InputError(file: option, line: 1, column: column, message: "'\(VisibleText.visible(text))': \(what): "
                       + "expected a date as YYYY-MM-DD, such as 2027-01-15, or today, yesterday, 7d (days ago), 2w (weeks ago)")
        }
        if let daysAgo = daysAgo(text) {
            let today = utc.startOfDay(for: now)
            return utc.date(byAdding: .day, value: -daysAgo, to: today) ?? today
        }
        let characters = Array(text)
        let shape = "dddd-dd-dd"
        for (index, expected) in shape.enumerated() {
            guard index < characters.count else { throw fail(index + 1, "the date ends early") }
            let c = characters[index]
            if expected == "d", !(c.isASCII && c.isNumber) { throw fail(index + 1, "'\(VisibleText.visible(String(c)))' where a digit goes") }
            if expected == "-", c != "-" { throw fail(index + 1, "'\(VisibleText.visible(String(c)))' where a '-' goes") }
        }
        guard characters.count == shape.count else { throw fail(shape.count + 1, "unexpected text after the date") }
        let year = Int(String(characters[0..<4]))!, month = Int(String(characters[5..<7]))!, day = Int(String(characters[8..<10]))!
        guard (1...12).contains(month) else { throw fail(6, "no month \(month)") }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = utc.date(from: components),
              utc.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { throw fail(9, "no day \(day) in \(characters[0..<7].map(String.init).joined())") }
        return date
    }

    /// How many days before today a relative day is (`yesterday`: 1, `2w`: 14), or nil.
    static func daysAgo(_ text: String) -> Int? {
        switch text.lowercased() {
        case "today": return 0
        case "yesterday": return 1
        default:
            guard let unit = text.last, unit == "d" || unit == "w", text.count > 1, text.count <= 6,
                  text.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text.dropLast()) else { return nil }
            return unit == "w" ? n * 7 : n
        }
    }

    /// `YYYY-MM-DD` of a day's start (UTC).
    static func label(_ day: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day], from: day)
        func digits(_ n: Int?, _ width: Int) -> String {
            let text = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.year, 4) + "-" + digits(parts.month, 2) + "-" + digits(parts.day, 2)
    }

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()

    /// An ISO 8601 label as a date, or nil.
    static func date(_ iso: String) -> Date? { try? Date(iso, strategy: .iso8601) }
}
