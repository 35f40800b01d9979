/// "Did you mean …?" for a mistyped word, the way git finds a command: an edit distance
/// that makes typing too little or two letters swapped cheap and dropping letters dear
/// (swap 0, substitution 2, insertion 1, deletion 3), and only close enough words.
public enum Suggestion {
    /// The words of `known` closest to `word` (several when they tie), or none when none is close.
    public static func closest(to word: String, among known: [String], limit: Int = 3) -> [String] {
        let scored = known.map { ($0, distance(from: word.lowercased(), to: $0.lowercased())) }
        guard let best = scored.map(\.1).min(), best < 7 else { return [] }
        return Array(scored.filter { $0.1 == best }.map(\.0).prefix(limit))
    }

    /// ` did you mean 'a'?`, ` did you mean 'a' or 'b'?`, or "" when nothing is close.
    public static func phrase(for word: String, among known: [String]) -> String {
        let words = closest(to: word, among: known).map { "'\($0)'" }
        guard let last = words.last else { return "" }
        let list = words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
        return "did you mean \(list)?"
    }

    /// The cost of turning `a` into `b`.
    package static func distance(from a: String, to b: String) -> Int {
        let a = Array(a), b = Array(b)
        let swap = 0, substitution = 2, insertion = 1, deletion = 3
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i * deletion }
        for j in 0...b.count { d[0][j] = j * insertion }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                var cost = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : substitution)
                cost = min(cost, d[i - 1][j] + deletion, d[i][j - 1] + insertion)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cost = min(cost, d[i - 2][j - 2] + swap)
                }
                d[i][j] = cost
            }
        }
        return d[a.count][b.count]
    }
}
