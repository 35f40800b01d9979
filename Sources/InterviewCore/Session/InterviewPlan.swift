/// The questions chosen for an interview before the clock starts (`run --questions
/// 2,5,7-9 --tags T,...`): bank numbers in the order given, or the bank's questions with
/// one of the tags; both, the numbers that have one of the tags.
public enum InterviewPlan {
    /// The plan as question indices, or nil for the whole bank.
    public static func make(questions: String?, tags: String?, bank: Bank) throws(InputError) -> [Int]? {
        var plan: [Int]?
        if let questions { plan = try numbers(questions, count: bank.questions.count) }
        if let tags {
            let wanted = Set(tags.split(separator: ",").map { $0.trimmed.lowercased() }.filter { !$0.isEmpty })
            guard !wanted.isEmpty else {
                throw InputError(file: "--tags", message: "no tag given: expected tags like fundamentals,evaluation")
            }
            let tagged = bank.questions.indices.filter { !Set(bank.questions[$0].tags.map { $0.lowercased() }).isDisjoint(with: wanted) }
            plan = (plan ?? Array(bank.questions.indices)).filter(tagged.contains)
            guard plan?.isEmpty == false else {
                let known = Set(bank.questions.flatMap(\.tags)).sorted().joined(separator: ", ")
                throw InputError(file: "--tags",
                                 message: "no planned question has the tag \(tags): expected one of \(known)")
            }
        }
        return plan
    }

    /// `2,5,7-9` as indices (from 0), in that order, each once.
    static func numbers(_ text: String, count: Int) throws(InputError) -> [Int] {
        var out: [Int] = []
        var column = 1
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let piece = part.trimmed
            let bounds = piece.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            let range: ClosedRange<Int>?
            switch bounds.count {
            case 1: range = bounds[0].map { $0...$0 }
            case 2: range = bounds[0].flatMap { low in bounds[1].flatMap { low <= $0 ? low...$0 : nil } }
            default: range = nil
            }
            guard let range, range.lowerBound >= 1, range.upperBound <= count else {
                throw InputError(file: "--questions", line: 1, column: column,
                                 message: "'\(piece)': expected bank question numbers like 2,5,7-9, from 1 to \(count)")
            }
            for n in range where !out.contains(n - 1) { out.append(n - 1) }
            column += part.count + 1
        }
        return out
    }

    /// A word at the start when the plan's budgets do not fit the interview (not an error).
    public static func fit(_ plan: [Int]?, bank: Bank, durationSeconds: Int) -> String? {
        let budget = (plan ?? Array(bank.questions.indices)).reduce(0) { $0 + bank.questions[$1].timeSeconds }
        guard budget > durationSeconds else { return nil }
        return "The plan does not fit: its questions take \(Durations.clock(budget)) of a \(Durations.clock(durationSeconds)) interview"
    }
}
