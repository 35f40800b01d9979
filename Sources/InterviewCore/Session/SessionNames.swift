#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How long sessions are kept: `retention = "180d"` in config.toml, `purge --older-than 90d`.
public enum RetentionPeriod {
    /// What a period looks like, for error messages.
    public static let expected = "a number of days, weeks or years, like 180d, 26w or 2y"

    /// The longest period read: a century, far beyond any policy, and small enough that
    /// subtracting it from today never leaves the calendar.
    static let maximumDays = 36_500

    /// The days of `180d`, `26w` (7 days each) or `2y` (365 days each); nil for anything else.
    public static func days(_ text: String) -> Int? {
        let text = text.trimmed
        guard let unit = text.last, let number = Int(text.dropLast()), text.dropLast().allSatisfy(\.isASCII),
              number > 0, number <= maximumDays else { return nil }
        let days: Int
        switch unit {
        case "d": days = number
        case "w": days = number * 7
        case "y": days = number * 365
        default: return nil
        }
        return days <= maximumDays ? days : nil
    }

    /// `180 days`, `1 day`.
    public static func describe(days: Int) -> String { days == 1 ? "1 day" : "\(days) days" }

    /// The moment before which a session is older than `days`.
    public static func cutoff(days: Int, now: Date) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
}

/// `file_names` in config.toml: how a new session file in the sessions folder is named.
public enum SessionFileNames: String, Hashable, Sendable, CaseIterable {
    /// `2026-11-26T10-04-05-ada-lovelace.json`: the date and the candidate (the default).
    case candidate
    /// `2026-11-26T10-04-05-3f2a9c1e.json`: the date and the session's short id, no name.
    case id
}

public enum SessionNames {
    /// The first 8 letters and digits of a session id (a UUID's first group): enough to
    /// tell sessions apart in a folder, and what `anonymous-<short id>` and `file_names =
    /// "id"` name a session by.
    public static func shortID(_ id: String) -> String {
        var out = ""
        for scalar in id.lowercased().unicodeScalars where out.unicodeScalars.count < 8 {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) }
        }
        return out.isEmpty ? "session" : out
    }

    /// `2026-11-26T10-04-05`: how a session file name starts, from its start date.
    public static func stamp(_ startedAt: Date) -> String {
        var stamp = ISO8601.string(startedAt).replacing(":", with: "-")
        if stamp.hasSuffix("Z") { stamp.removeLast() }
        return stamp
    }

    /// The start date a session file's name begins with (`2026-11-26T10-04-05…`), if it does.
    public static func date(inFileName name: String) -> Date? {
        let scalars = Array(name.unicodeScalars.prefix(19))
        guard scalars.count == 19 else { return nil }
        let pattern = Array("dddd-dd-ddTdd-dd-dd".unicodeScalars)
        for (scalar, expected) in zip(scalars, pattern) {
            if expected == "d" { guard ("0"..."9").contains(scalar) else { return nil } } else if scalar != expected { return nil }
        }
        var text = String(String.UnicodeScalarView(scalars))
        // 2026-11-26T10-04-05 → 2026-11-26T10:04:05Z
        text = String(text.prefix(13)) + ":" + String(text.dropFirst(14).prefix(2)) + ":" + String(text.suffix(2)) + "Z"
        return try? Date(text, strategy: .iso8601)
    }
}
