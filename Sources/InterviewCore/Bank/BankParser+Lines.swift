/// The small readers of bank lines behind `BankParser`: metadata, ratings, lists, tabs.
extension BankParser {
    /// The column of the first tab in `line`'s indentation, if any.
    static func tabInIndentation(_ line: String) -> Int? {
        var column = 1
        for c in line {
            if c == "\t" { return column }
            guard c == " " else { return nil }
            column += 1
        }
        return nil
    }

    /// Reads one non-blank line of a Ratings section into `draft`; the error in it, if any.
    func rating(_ line: String, number: Int, in draft: inout Draft) -> InputError? {
        let trimmed = line.trimmingSpaces
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        let column = line.indentation + 1
        guard !digits.isEmpty, trimmed.dropFirst(digits.count).first == ":" else {
            return fail(number, 1, "expected a rating line '1: ...' to '4: ...' in the Ratings section, one line each")
        }
        guard let level = Int(digits), (1...4).contains(level) else {
            return fail(number, column, "rating \(digits) is off the scale: expected 1 to 4 (\(Self.scale))")
        }
        let text = String(trimmed.dropFirst(digits.count + 1)).trimmingSpaces
        guard !text.isEmpty else {
            return fail(number, column + digits.count + 1, "expected what \(Self.ratingPhrase(level)) looks like after '\(digits):'")
        }
        if let first = draft.ratingLines[level] {
            return fail(number, column, "a second rating \(level) (also line \(first)): expected each of 1 to 4 once")
        }
        draft.ratingLines[level] = number
        draft.ratings[level] = text
        if let higher = draft.ratings.keys.filter({ $0 > level }).max() {
            return fail(number, column, "rating \(level) after rating \(higher): expected 1, 2, 3 and 4 in that order")
        }
        return nil
    }

    /// The scale's words, for messages: `1 strong no, 2 no, 3 yes, 4 strong yes`.
    static let scale = (1...4).map { "\($0) \(Rating.label($0))" }.joined(separator: ", ")

    /// `a 1 (strong no) answer`.
    static func ratingPhrase(_ level: Int) -> String { "a \(level) (\(Rating.label(level))) answer" }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ items: [String], _ last: String) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(last) " + items.last!
    }

    /// A comma-separated list, each trimmed, empty ones dropped.
    static func commaList(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    func metadata(_ line: String) -> (String, String)? {
        for key in ["time", "tags", "competencies", "id"] where line.hasPrefix(key + ":") {
            return (key, String(line.dropFirst(key.count + 1)).trimmingSpaces)
        }
        return nil
    }
}
