/// Whether the terminal's background is light or dark, as the terminal tells it: its
/// answer to the background-colour query (OSC 11), or the `COLORFGBG` variable some
/// terminals set. Picks `light` or `default` when no theme was chosen.
public enum TerminalBackground: Sendable, Equatable {
    case light, dark

    /// The query: `ESC ] 11 ; ? BEL`. The answer is `ESC ] 11 ; rgb:RRRR/GGGG/BBBB`
    /// ended by BEL or by ST (`ESC \`), each channel 1 to 4 hex digits.
    public static let query: [UInt8] = Array("\u{1B}]11;?\u{07}".utf8)

    /// The built-in theme made for this background.
    public var themeName: String { self == .light ? "light" : ThemeLoader.defaultName }

    /// Light when black text would stand out on it more than white text (WCAG contrast).
    init(red: Double, green: Double, blue: Double) {
        let color = (red: Int(red * 255), green: Int(green * 255), blue: Int(blue * 255))
        let light = ColorFallback.contrast(color, (0, 0, 0)) > ColorFallback.contrast(color, (255, 255, 255))
        self = light ? .light : .dark
    }

    /// Reads the answer to `query` out of what the terminal sent (keys typed meanwhile
    /// may come before it); nil when there is no complete answer in it.
    public init?(osc11Reply bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.firstRange(of: "\u{1B}]11;") else { return nil }
        let rest = text[start.upperBound...]
        // The whole terminator: a `\\` of ST left unread would come through as a key.
        let ends = [rest.firstIndex(of: "\u{07}"), rest.firstRange(of: "\u{1B}\\")?.lowerBound].compactMap { $0 }
        guard let end = ends.min() else { return nil }
        var value = rest[..<end]
        for prefix in ["rgba:", "rgb:"] where value.hasPrefix(prefix) {
            value = value.dropFirst(prefix.count)
        }
        let channels = value.split(separator: "/", omittingEmptySubsequences: false).prefix(3).map { channel -> Double? in
            guard (1...4).contains(channel.count), let number = Int(channel, radix: 16) else { return nil }
            return Double(number) / Double((1 << (4 * channel.count)) - 1)
        }
        guard channels.count == 3, let red = channels[0], let green = channels[1], let blue = channels[2] else { return nil }
        self.init(red: red, green: green, blue: blue)
    }

    /// Reads `COLORFGBG` (`15;0`: colour 15 on colour 0; `fg;default;bg` too): its last
    /// field is the background, an ANSI colour taken at xterm's value. Nil when that field
    /// is not a colour number (`default`) or the variable is not set.
    public init?(colorfgbg: String?) {
        guard let last = colorfgbg?.split(separator: ";").last, let index = Int(last), (0...15).contains(index) else { return nil }
        let (red, green, blue) = ColorFallback.ansiRGB[index]
        self.init(red: Double(red) / 255, green: Double(green) / 255, blue: Double(blue) / 255)
    }
}
