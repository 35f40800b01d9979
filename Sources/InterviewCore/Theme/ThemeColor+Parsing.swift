extension ThemeColor {
    /// The 16 ANSI colour names a theme file may use, in index order (0–15).
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// What a theme file may write for a colour, for error messages.
    public static let expectedSyntax = "expected #rrggbb, 0-255, an ANSI colour name or default"

    /// Reads a colour as a theme file writes it as a string: `#rrggbb`, an ANSI name
    /// (`red`, `bright-black`…) or `default`. Case does not matter. Nil if it is none of these.
    public init?(themeString text: String) {
        let lowered = text.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = Self.ansiNames.firstIndex(of: lowered) {
            self = .ansi(index)
        } else if lowered.hasPrefix("#"), lowered.utf8.count == 7,
                  lowered.utf8.dropFirst().allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
                  let value = UInt32(lowered.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
        } else {
            return nil
        }
    }

    /// Reads a colour as a theme file writes it as an integer: an index of the 256-colour palette.
    public init?(themeIndex index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .indexed(index)
    }
}
