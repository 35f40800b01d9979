public enum Slug {
    /// A stable id from a prompt: lower-case letters and digits joined by dashes.
    public static func make(_ text: String, limit: Int = 60) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
                if out.count >= limit { break }
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "question" : out
    }
}
