@_spi(_Unicode) import Swift

// What the program used of Foundation's case- and accent-insensitive string comparison,
// which needs ICU in full Foundation: written on the standard library's Unicode data.

extension StringProtocol {
    /// Where `text` first occurs, letters compared regardless of case.
    public func firstRange(ofIgnoringCase text: String) -> Range<Index>? {
        let wanted = Array(text)
        guard let first = wanted.first else { return nil }
        var start = startIndex
        while start < endIndex {
            if Self.sameIgnoringCase(self[start], first) {
                var index = index(after: start)
                var matched = 1
                while matched < wanted.count, index < endIndex, Self.sameIgnoringCase(self[index], wanted[matched]) {
                    formIndex(after: &index)
                    matched += 1
                }
                if matched == wanted.count { return start..<index }
            }
            formIndex(after: &start)
        }
        return nil
    }

    /// The text with every occurrence of `text`, in any case, taken out.
    public func removingAll(ignoringCase text: String) -> String {
        var out = String(self)
        while let range = out.firstRange(ofIgnoringCase: text) { out.removeSubrange(range) }
        return out
    }

    /// The text for comparing regardless of case and accents (and, with `ignoringWidth`, of
    /// full-width forms): Foundation's `folding(options:locale: nil)` with those options.
    public func folded(ignoringWidth: Bool = false) -> String {
        // Upper then lower case folds `ß` to `ss` and `ﬁ` to `fi`, as case folding does.
        let cased = uppercased().lowercased()
        var out = String.UnicodeScalarView()
        for scalar in cased._nfd where scalar.properties.generalCategory != .nonspacingMark {
            if ignoringWidth, let narrow = Self.narrow(scalar) { out.append(narrow) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static func sameIgnoringCase(_ a: Character, _ b: Character) -> Bool {
        if let x = a.asciiValue, let y = b.asciiValue { return x == y || ((x | 0x20) == (y | 0x20) && (x | 0x20).isASCIILetter) }
        return a == b || a.lowercased() == b.lowercased()
    }

    /// The ASCII form of a full-width character (`Ａ` is `A`), and a space for the ideographic one.
    private static func narrow(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3000: " "
        default: nil
        }
    }
}

private extension UInt8 {
    var isASCIILetter: Bool { (0x61...0x7A).contains(self) }
}
