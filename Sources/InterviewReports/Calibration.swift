import InterviewCore

/// How interviewers' ratings compare where two or more of them rated the same answer:
/// the same question of the same panel interview (`PanelGroups`). Per interviewer, the
/// mean difference of their ratings from the mean of the other members' on those answers;
/// per pair of interviewers, and over every pair, the quadratic-weighted kappa
/// (`WeightedKappa`). Shadows (trainees) are compared with the panel apart: never in the
/// panel's own figures. docs/panel.md gives the formulas.
public struct Calibration: Hashable, Sendable {
    /// An offset worth a look: at least this far from the others on average…
    public static let flagDifference = 0.5
    /// …over at least this many shared ratings.
    public static let flagShared = 5

    public struct Offset: Hashable, Sendable {
        public var name: String
        /// Answers they rated that another member rated too.
        public var shared: Int
        /// Mean of (their rating − the mean of the others' ratings of the same answer).
        public var meanDifference: Double?
        /// For a shadow: agreement with the panel members, each of their ratings paired with theirs.
        public var kappa: Double?

        /// |mean difference| ≥ 0.5 with at least 5 shared ratings.
        public var flagged: Bool {
            guard let meanDifference, shared >= Calibration.flagShared else { return false }
            return abs(meanDifference) >= Calibration.flagDifference
        }
    }

    public struct Pair: Hashable, Sendable {
        /// The two names, in alphabetical order: `first`'s rating is rater A's.
        public var first: String
        public var second: String
        public var shared: Int
        public var kappa: Double?
    }

    /// Panel interviews (two or more sessions of one interview) among the sessions.
    public var panels = 0
    /// Lead and second interviewers, by name.
    public var interviewers: [Offset] = []
    public var pairs: [Pair] = []
    /// Every pair's shared ratings together.
    public var overall = Pair(first: "", second: "", shared: 0, kappa: nil)
    /// Shadows, by name, against the panel.
    public var shadows: [Offset] = []

    /// From the facts `stats` keeps of each session (read from the files or the index).
    public init(sessions reports: [StatsSession]) {
        var offsets: [String: (sum: Double, count: Int)] = [:]
        var pairRatings: [[String]: [(Int, Int)]] = [:]
        var shadowOffsets: [String: (sum: Double, count: Int)] = [:]
        var shadowPairs: [String: [(Int, Int)]] = [:]
        let groups = PanelGroups.panels(reports)
        panels = groups.count
        for group in groups {
            for ratings in Self.ratingsByQuestion(group) {
                let panel = ratings.filter { $0.role != .shadow }
                for (index, member) in panel.enumerated() {
                    let others = panel.indices.filter { $0 != index }.map { panel[$0].rating }
                    guard !others.isEmpty else { continue }
                    offsets[member.name, default: (0, 0)].sum += Double(member.rating) - Self.mean(others)
                    offsets[member.name, default: (0, 0)].count += 1
                    for other in panel[(index + 1)...] {
                        let (a, b) = member.name <= other.name ? (member, other) : (other, member)
                        pairRatings[[a.name, b.name], default: []].append((a.rating, b.rating))
                    }
                }
                guard !panel.isEmpty else { continue }
                for shadow in ratings where shadow.role == .shadow {
                    shadowOffsets[shadow.name, default: (0, 0)].sum += Double(shadow.rating) - Self.mean(panel.map(\.rating))
                    shadowOffsets[shadow.name, default: (0, 0)].count += 1
                    shadowPairs[shadow.name, default: []] += panel.map { (shadow.rating, $0.rating) }
                }
            }
        }
        interviewers = offsets.keys.sorted().map { name in
            Offset(name: name, shared: offsets[name]!.count, meanDifference: offsets[name]!.sum / Double(offsets[name]!.count))
        }
        pairs = pairRatings.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { names in
            Pair(first: names[0], second: names[1], shared: pairRatings[names]!.count, kappa: WeightedKappa.quadratic(pairRatings[names]!))
        }
        let all = pairs.flatMap { pairRatings[[$0.first, $0.second]]! }
        overall = Pair(first: "", second: "", shared: all.count, kappa: WeightedKappa.quadratic(all))
        shadows = shadowOffsets.keys.sorted().map { name in
            Offset(name: name, shared: shadowOffsets[name]!.count, meanDifference: shadowOffsets[name]!.sum / Double(shadowOffsets[name]!.count),
                   kappa: WeightedKappa.quadratic(shadowPairs[name]!))
        }
    }

    struct Rated {
        var name: String
        var role: SessionFile.Panel.Role
        var rating: Int
    }

    /// For each question of a panel (by id; a member's own questions are theirs alone),
    /// the ratings its members gave it.
    static func ratingsByQuestion(_ group: [StatsSession]) -> [[Rated]] {
        var order: [String] = []
        var byQuestion: [String: [Rated]] = [:]
        for report in group {
            for question in report.questions where !question.added {
                guard let rating = question.rating, WeightedKappa.categories.contains(rating) else { continue }
                if byQuestion[question.id] == nil { order.append(question.id) }
                byQuestion[question.id, default: []].append(Rated(name: PanelGroups.name(report), role: PanelGroups.role(of: report),
                                                                  rating: rating))
            }
        }
        return order.map { byQuestion[$0]! }
    }

    static func mean(_ values: [Int]) -> Double { Double(values.reduce(0, +)) / Double(values.count) }
}
