/// The 4-point scale of answers and of the overall recommendation.
public enum Rating {
    /// The overall recommendation when the interviewer makes none (`r` then `d`).
    public static let noDecision = 5
    public static let labels = [1: "strong no", 2: "no", 3: "yes", 4: "strong yes", noDecision: "no decision"]

    public static func label(_ rating: Int?) -> String {
        rating.flatMap { labels[$0] } ?? "not rated"
    }
}
