/// A colour as a theme names it.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(Int)
    /// An index of the 256-colour palette.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// How one role looks: colours and attributes.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    public var reverse = false

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }
}

public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: Role) -> RoleStyle { styles[role] ?? styles[.body] ?? RoleStyle() }

    /// The look when no theme file is at hand: ANSI colours that read on dark and light terminals.
    public static let fallback = Theme(name: "fallback", styles: [
        .body: RoleStyle(),
        .border: RoleStyle(foreground: .ansi(8)),
        .borderFocused: RoleStyle(foreground: .ansi(6), bold: true),
        .title: RoleStyle(bold: true),
        .titleFocused: RoleStyle(foreground: .ansi(6), bold: true),
        .emphasis: RoleStyle(italic: true),
        .strong: RoleStyle(bold: true),
        .code: RoleStyle(foreground: .ansi(3)),
        .dim: RoleStyle(dim: true),
        .rubricChecked: RoleStyle(foreground: .ansi(2), bold: true),
        .rubricUnchecked: RoleStyle(),
        .stamp: RoleStyle(dim: true),
        .clockOK: RoleStyle(foreground: .ansi(2)),
        .clockWarn: RoleStyle(foreground: .ansi(3), bold: true),
        .clockOver: RoleStyle(foreground: .ansi(1), bold: true),
        .banner: RoleStyle(foreground: .ansi(0), background: .ansi(3), bold: true),
        .status: RoleStyle(reverse: true),
        .statusKey: RoleStyle(bold: true, reverse: true),
        .warning: RoleStyle(foreground: .ansi(1), bold: true, reverse: true),
        .help: RoleStyle(),
        .timeline: RoleStyle(foreground: .ansi(6)),
        .control: RoleStyle(foreground: .ansi(5), reverse: true),
        .rating: RoleStyle(foreground: .ansi(6), bold: true),
    ])
}
