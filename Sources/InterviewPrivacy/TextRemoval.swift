/// Taking a text out of every version of a note line: every occurrence of it, and the
/// versions caught while it was being typed (or deleted) a character at a time.
///
/// Typing is recorded in bursts, once a second, so a line that ends up holding
/// `worked at Acme Corp` was also saved as `worked at Ac`. When some version of a line
/// is `X + TEXT + Y`, another version `X + P + Y` or `X + P`, where `P` is the start of
/// TEXT, is that text half typed: it becomes `X + Y` (or `X`). Comparison is by Unicode scalars, exactly, so
/// that no byte of the text is left for a search of the file to find.
enum TextRemoval {
    typealias Scalars = [Unicode.Scalar]

    static func scalars(_ text: String) -> Scalars { Array(text.unicodeScalars) }
    static func string(_ scalars: Scalars) -> String { String(String.UnicodeScalarView(scalars)) }

    /// Where `needle` starts in `text`, left to right, not overlapping.
    static func occurrences(of needle: Scalars, in text: Scalars) -> [Int] {
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        var found: [Int] = []
        var i = 0
        let first = needle[0]
        while i + needle.count <= text.count {
            if text[i] == first, text[i..<(i + needle.count)].elementsEqual(needle) {
                found.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// `text` with every occurrence of `needle` out, until none is left (taking one out
    /// can join two halves of another).
    static func removingAll(_ needle: Scalars, from text: Scalars) -> Scalars {
        var text = text
        while true {
            let found = occurrences(of: needle, in: text)
            guard !found.isEmpty else { return text }
            var out: Scalars = []
            out.reserveCapacity(text.count)
            var last = 0
            for start in found {
                out += text[last..<start]
                last = start + needle.count
            }
            out += text[last...]
            text = out
        }
    }

    static func removingAll(_ needle: String, from text: String) -> String {
        let result = removingAll(scalars(needle), from: scalars(text))
        return result.count == text.unicodeScalars.count ? text : string(result)
    }

    /// The versions of one line with `needle` out of each, half-typed ones included.
    static func removing(_ needle: String, fromVersions versions: [String]) -> [String] {
        let h = scalars(needle)
        guard !h.isEmpty else { return versions }
        let all = versions.map(scalars)
        // Every context the whole text appears in: (before, after).
        var contexts: Set<Context> = []
        for version in all {
            for start in occurrences(of: h, in: version) {
                contexts.insert(Context(before: Array(version[..<start]), after: Array(version[(start + h.count)...])))
            }
        }
        guard !contexts.isEmpty else { return versions }
        return all.indices.map { k -> String in
            let version = all[k]
            if !occurrences(of: h, in: version).isEmpty { return string(removingAll(h, from: version)) }
            for context in contexts {
                if isHalfTyped(version, h, before: context.before, after: context.after) {
                    return string(removingAll(h, from: context.before + context.after))
                }
                if !context.after.isEmpty, isHalfTyped(version, h, before: context.before, after: []) {
                    return string(removingAll(h, from: context.before))
                }
            }
            return versions[k]
        }
    }

    /// Which versions hold `needle`, whole or half typed (as `removing` finds them).
    static func holding(_ needle: String, versions: [String]) -> [Bool] {
        let h = scalars(needle)
        let all = versions.map(scalars)
        var contexts: Set<Context> = []
        for version in all {
            for start in occurrences(of: h, in: version) {
                contexts.insert(Context(before: Array(version[..<start]), after: Array(version[(start + h.count)...])))
            }
        }
        return all.map { version in
            !occurrences(of: h, in: version).isEmpty || contexts.contains { context in
                isHalfTyped(version, h, before: context.before, after: context.after)
                    || (!context.after.isEmpty && isHalfTyped(version, h, before: context.before, after: []))
            }
        }
    }

    /// The start `a` and `b` share.
    static func commonPrefix(_ a: String, _ b: String) -> String {
        let x = scalars(a), y = scalars(b)
        var n = 0
        while n < x.count, n < y.count, x[n] == y[n] { n += 1 }
        return string(Array(x[..<n]))
    }

    struct Context: Hashable {
        var before: Scalars
        var after: Scalars
    }

    /// Whether `version` is `before + P + after` with P a start of `needle`, neither empty
    /// nor whole (`after` empty: typed at the end of the line, before what came after it).
    static func isHalfTyped(_ version: Scalars, _ needle: Scalars, before: Scalars, after: Scalars) -> Bool {
        let outer = before.count + after.count
        guard version.count > outer, version.count < outer + needle.count, version.starts(with: before),
              version[(version.count - after.count)...].elementsEqual(after) else { return false }
        return needle.starts(with: version[before.count..<(version.count - after.count)])
    }
}
