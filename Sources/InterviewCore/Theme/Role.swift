/// What a piece of the screen is; a theme says how each looks.
public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
    case body
    case border
    case borderFocused = "border-focused"
    case title
    case titleFocused = "title-focused"
    case emphasis
    case strong
    case code
    case dim
    case rubricChecked = "rubric-checked"
    case rubricUnchecked = "rubric-unchecked"
    case stamp
    case clockOK = "clock-ok"
    case clockWarn = "clock-warn"
    case clockOver = "clock-over"
    case banner
    case status
    case statusKey = "status-key"
    case warning
    case help
    case timeline
    case control
    case rating
}

/// The style of a cell: its role, and the inline Markdown style of the text in it.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var inline: InlineStyle
    public init(_ role: Role, _ inline: InlineStyle = []) {
        self.role = role
        self.inline = inline
    }
    public func with(_ role: Role) -> Style { Style(role, inline) }
}
