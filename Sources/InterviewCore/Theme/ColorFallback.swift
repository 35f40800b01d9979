/// Maps a theme colour onto what the terminal has: direct 24-bit colour, the
/// 256-colour palette, 16 or 8 ANSI colours. -1 is the terminal's default colour.
public enum ColorFallback {
    public static func index(_ color: ThemeColor, colors: Int) -> Int {
        if colors >= directColors { return direct(color) }
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let n):
            return colors >= 16 ? n : n % 8
        case .indexed(let n):
            if colors >= 256 { return n }
            return nearestANSI(rgb(ofIndex: n), count: colors >= 16 ? 16 : 8)
        case .rgb(let r, let g, let b):
            if colors >= 256 { return nearest256(r, g, b) }
            return nearestANSI((Int(r), Int(g), Int(b)), count: colors >= 16 ? 16 : 8)
        }
    }

    /// xterm's values of the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex n: Int) -> (Int, Int, Int) {
        if n < 16 { return ansiRGB[max(0, n)] }
        if n < 232 {
            let c = n - 16
            return (cubeLevels[c / 36], cubeLevels[c / 6 % 6], cubeLevels[c % 6])
        }
        let gray = 8 + (min(n, 255) - 232) * 10
        return (gray, gray, gray)
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    static func nearestANSI(_ color: (Int, Int, Int), count: Int) -> Int {
        (0..<count).min { distance(ansiRGB[$0], color) < distance(ansiRGB[$1], color) } ?? 7
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let target = (Int(r), Int(g), Int(b))
        let level = { (v: Int) in cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(target.0) + 6 * level(target.1) + level(target.2)
        let average = (target.0 + target.1 + target.2) / 3
        let grayIndex = 232 + min(23, max(0, (average - 3) / 10))
        return distance(rgb(ofIndex: cube), target) <= distance(rgb(ofIndex: grayIndex), target) ? cube : grayIndex
    }
}
