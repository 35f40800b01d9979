#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Contrast as WCAG 2 defines it, and the rule that keeps an approximated colour
/// readable on a terminal whose background is unknown.
extension ColorFallback {
    /// The relative luminance of an sRGB colour: 0 for black, 1 for white.
    public static func luminance(_ color: (red: Int, green: Int, blue: Int)) -> Double {
        func linear(_ channel: Int) -> Double {
            let value = Double(min(255, max(0, channel))) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    /// The contrast ratio of two colours, 1 (none) to 21 (black on white).
    public static func contrast(_ a: (red: Int, green: Int, blue: Int), _ b: (red: Int, green: Int, blue: Int)) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The contrast text needs (WCAG AA); borders need 3.
    public static let textContrast = 4.5

    /// The colours of a cell, as `index(_:colors:)` gives them, with one exception. With
    /// 8 or 16 colours a `#rrggbb` or palette colour drawn on the terminal's own background
    /// becomes the terminal's own foreground unless its ANSI stand-in keeps 4.5:1 against
    /// both white and black (none of xterm's does): the background is not known, and the
    /// nearest ANSI colour of a grey border is black, invisible on a dark terminal.
    /// ANSI names are kept: whoever wrote them knows their palette.
    public static func pair(foreground: ThemeColor, background: ThemeColor, colors: Int) -> (foreground: Int, background: Int) {
        let pair = (foreground: index(foreground, colors: colors), background: index(background, colors: colors))
        guard colors < 256, pair.background == -1, pair.foreground >= 0 else { return pair }
        switch foreground {
        case .terminalDefault, .ansi: return pair
        case .indexed, .rgb:
            let shown = rgb(ofIndex: pair.foreground)
            let readable = [(0, 0, 0), (255, 255, 255)].allSatisfy { contrast(shown, $0) >= textContrast }
            return readable ? pair : (-1, -1)
        }
    }
}
