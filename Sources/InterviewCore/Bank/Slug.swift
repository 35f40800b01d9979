public enum Slug {
    /// A stable id from a prompt: lower-case letters and digits joined by dashes.
    public static func make(_ text: String, limit: Int = 60) -> String {
        var out = ""
        // Characters are never more than scalars: counting the characters (the whole slug
        // each time) waits until the scalars reach the limit.
        var scalars = 0
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let isLetter = scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isAlphabetic
            if isLetter || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty {
                    out.append("-")
                    scalars += 1
                }
                pendingDash = false
                out.unicodeScalars.append(scalar)
                scalars += 1
                if scalars >= limit, out.count >= limit { break }
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "question" : out
    }
}
