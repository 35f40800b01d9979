import InterviewCore

/// Agreement of two raters on the 1–4 rating scale beyond what chance gives: Cohen's
/// kappa with quadratic weights (docs/panel.md), so a 1 against a 4 weighs nine times a
/// 3 against a 4. With `O` the share of the pairs rated (i, j), `E` what independent
/// raters with the same marginal shares would give (row share × column share), and
/// w(i, j) = (i − j)² / (k − 1)²:  κ = 1 − Σ w·O / Σ w·E.
public enum WeightedKappa {
    public static let categories = 1...4

    /// κ over `pairs` (the first rater's rating, the second's); nil when there are none,
    /// or when chance alone could not disagree (both raters gave one and the same rating
    /// throughout: Σ w·E = 0).
    public static func quadratic(_ pairs: [(Int, Int)]) -> Double? {
        let pairs = pairs.filter { categories.contains($0.0) && categories.contains($0.1) }
        guard !pairs.isEmpty else { return nil }
        let k = categories.count
        let n = Double(pairs.count)
        var observed = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        for (a, b) in pairs { observed[a - 1][b - 1] += 1 / n }
        let rows = observed.map { $0.reduce(0, +) }
        let columns = (0..<k).map { j in observed.reduce(0) { $0 + $1[j] } }
        var disagreement = 0.0, chance = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let weight = Double((i - j) * (i - j)) / Double((k - 1) * (k - 1))
                disagreement += weight * observed[i][j]
                chance += weight * rows[i] * columns[j]
            }
        }
        guard chance > 0 else { return nil }
        return 1 - disagreement / chance
    }
}
