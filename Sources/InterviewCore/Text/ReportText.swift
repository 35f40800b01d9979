#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How user text (notes, names, prompts: anything from a session file) is made safe for
/// each report format. Control characters are never written raw: they become visible
/// marks, as on the live screen (`ESC` → `^[`, `DEL` → `^?`, a C1 control or a bidi
/// override → `<U+9B>`), so a note holding `\u{1B}[31m` reads `^[[31m` everywhere.
public enum ReportText {
    /// The text with every control character shown as a visible mark (a tab as a space).
    public static func visible(_ text: String) -> String { VisibleText.visible(text) }

    /// For HTML and XHTML text and attribute values: visible marks, then `& < > " '` escaped.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in visible(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// For Markdown: visible marks, then a backslash before only what would start markup
    /// where the text goes (`MarkdownText`): emphasis, code, links, raw HTML and entities
    /// anywhere, a `|` in a table cell, a line start that would open a block (heading,
    /// list, quote, ordered list, fence, thematic break) in `.block`, a closing `#` run
    /// in a heading. Leading spaces in `.block` become no-break spaces (they would
    /// otherwise make indented code). User text stays text inside a list item or a cell.
    public static func markdown(_ text: String, in context: MarkdownContext = .block) -> String {
        MarkdownText.escape(text, in: context)
    }

    /// A clock against a budget: `02:10/02:00 +00:10 over`, or `01:50/02:00`.
    public static func time(_ elapsed: Int, budget: Int) -> String {
        guard budget > 0 else { return Durations.clock(elapsed) }
        let base = "\(Durations.clock(elapsed))/\(Durations.clock(budget))"
        return Durations.isOver(elapsed, budget: budget) ? base + " +\(Durations.clock(elapsed - budget)) over" : base
    }

    /// `1 strong no` … `4 strong yes`, or `not rated`.
    public static func rating(_ rating: Int?) -> String {
        guard let rating else { return Rating.label(nil) }
        return rating == Rating.noDecision ? Rating.label(rating) : "\(rating) \(Rating.label(rating))"
    }

    /// An ISO 8601 label as `2026-11-26 10:04 UTC`; the text itself when it is not one.
    /// The mark of what changed after an ended interview was opened again.
    public static let amended = "(amended after the end)"

    public static func date(_ iso: String?) -> String {
        guard let iso else { return "" }
        guard let date = try? Date(iso, strategy: .iso8601) else { return visible(iso) }
        let c = Calendar(identifier: .gregorian)
        var utc = c
        utc.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }

    /// `10:12 UTC` of an ISO 8601 label.
    public static func time(ofDay iso: String) -> String {
        let full = date(iso)
        return full.count > 11 ? String(full.dropFirst(11)) : full
    }

    /// `Not in the plan: 10 questions`, for the bank's questions neither planned nor asked.
    public static func notInPlan(_ count: Int) -> String {
        "Not in the plan: \(count) question\(count == 1 ? "" : "s")"
    }

    /// A note's stamp: the question clock, whole seconds, `m:ss`.
    public static func stamp(_ seconds: Double) -> String {
        Durations.clock(Durations.wholeSeconds(seconds))
    }

    /// `value` as JSON, pretty-printed with sorted keys, every control character in a
    /// string a `\uXXXX` escape: every JSON document a report command writes.
    package static func jsonText<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        let text = String(decoding: data, as: UTF8.self)
        // Outside strings there is only ASCII and the pretty-printer's newlines; inside
        // them the encoder has escaped every C0 control already.
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool { scalar != "\n" && VisibleText.isUnsafe(scalar) }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text + "\n" }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out) + "\n"
    }
}
