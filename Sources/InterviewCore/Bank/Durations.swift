/// Durations as people write them in banks and on the command line: `45m`, `1h30m`, `90s`.
public enum Durations {
    /// The longest duration read, 1000 hours: far beyond any interview, and small enough
    /// that sums of durations and clocks never overflow (a huge number used to trap).
    public static let maximumSeconds = 1000 * 3600

    public static func parse(_ text: String) -> Int? {
        var total = 0
        var number = ""
        var seenUnits: [Character] = []
        for c in text {
            if c.isASCII, c.isNumber {
                number.append(c)
                continue
            }
            guard "hms".contains(c), !number.isEmpty, let value = Int(number),
                  !seenUnits.contains(c), seenUnits.allSatisfy({ order($0) < order(c) }) else { return nil }
            guard value <= maximumSeconds else { return nil }
            total += value * (c == "h" ? 3600 : c == "m" ? 60 : 1)
            guard total <= maximumSeconds else { return nil }
            seenUnits.append(c)
            number = ""
        }
        guard number.isEmpty, !seenUnits.isEmpty, total > 0 else { return nil }
        return total
    }

    private static func order(_ unit: Character) -> Int { unit == "h" ? 0 : unit == "m" ? 1 : 2 }

    /// Whether a clock has run over its budget: strictly past it, so a question that took
    /// exactly its budget is not over. Every place that says "over" asks this: the live
    /// clock, the reports (the JSON's `overBudget`, the Markdown and HTML times, the
    /// chart's hatched bars) and `stats`.
    /// A budget of 0 is none (a question of the interviewer's own): never over.
    public static func isOver(_ elapsed: Int, budget: Int) -> Bool { budget > 0 && elapsed > budget }

    /// The one rounding rule for a clock in whole seconds: down, as a stopwatch shows it (a
    /// second counts once it has passed), after taking the millisecond the events are
    /// stamped to (so 61.9999999 from adding stamps is 62). The live screen, the wrap-up,
    /// the session file's summary, the reports and `stats` all round by it, so a question
    /// reads the same everywhere, and the times shown add up to no more than the total.
    public static func wholeSeconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int(min(Double(maximumSeconds * 10), ((seconds * 1000).rounded() / 1000).rounded(.down)))
    }

    /// How a clock stands against its budget: within it, past 80 % of it, or over it. The
    /// screen colours by it; the reports say "over" by it (`isOver`). No budget: within.
    public enum BudgetLevel: Sendable {
        case within, near, over
    }

    public static func level(_ elapsed: Int, budget: Int) -> BudgetLevel {
        if isOver(elapsed, budget: budget) { return .over }
        return budget > 0 && elapsed * 10 >= budget * 8 ? .near : .within
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    public static func clock(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        if s >= 3600 { return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" }
        return "\(two(s / 60)):\(two(s % 60))"
    }

    /// The short form a bank would use: `45m`, `1h30m`, `90s` → `1m30s`.
    public static func format(_ seconds: Int) -> String {
        var out = ""
        if seconds >= 3600 { out += "\(seconds / 3600)h" }
        if seconds % 3600 >= 60 { out += "\(seconds % 3600 / 60)m" }
        if seconds % 60 > 0 || out.isEmpty { out += "\(seconds % 60)s" }
        return out
    }
}
