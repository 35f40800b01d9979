import InterviewCore

/// Where the live screen's panes go: a pure function of the terminal size and of how
/// many lines the panes hold.
/// - 120x30 and larger: the three guidance panes side by side.
/// - Down to the minimum: one guidance pane with tabs (Tab switches it).
/// Rubric and notes always stay visible, side by side, above the status line. Rows go
/// by content: the guidance gets what it holds when the rubric still gets what it holds
/// (or at least a third of the rest, half on a small screen); spare rows go to the
/// notes, which grow.
public struct LiveLayout: Hashable, Sendable {
    public static let minimum = Size(width: 60, height: 18)
    public static let wide = Size(width: 120, height: 30)
    /// The most lines of the prompt the question pane shows (on a tall screen).
    public static let maxPromptLines = 5

    public var question: Rect
    /// The guidance panes on screen: all three when wide, the chosen tab when narrow.
    public var guidance: [PaneID: Rect]
    public var tabbed: Bool
    public var rubric: Rect
    public var notes: Rect
    public var status: Rect

    public static func fits(_ size: Size) -> Bool {
        size.width >= minimum.width && size.height >= minimum.height
    }

    /// Lines each part would show whole: the tallest guidance pane (follow-ups included),
    /// and the rubric; nil when not known (the split by proportion).
    public struct Content: Hashable, Sendable {
        public var guidance: Int
        public var rubric: Int
        /// The notes' lines, and one for the next.
        public var notes: Int
        public init(guidance: Int, rubric: Int, notes: Int) {
            self.guidance = guidance
            self.rubric = rubric
            self.notes = notes
        }
    }

    public static func make(size: Size, promptLines: Int, guidanceTab: PaneID, content: Content? = nil) -> LiveLayout {
        let w = size.width
        let h = size.height
        let status = Rect(x: 0, y: h - 1, width: w, height: 1)
        let questionHeight = min(max(1, promptLines), h >= 40 ? maxPromptLines : 3) + 2
        let question = Rect(x: 0, y: 0, width: w, height: questionHeight)
        let rest = h - 1 - questionHeight
        let tabbed = !(w >= wide.width && h >= wide.height)
        var guidanceHeight = max(5, rest * (tabbed ? 40 : 55) / 100)
        if let content {
            // The bottom row keeps what the rubric holds, or a third of the rest; the guidance the rest of its need.
            let bottom = min(max(max(content.rubric, content.notes) + 2, 5), max(5, rest / (tabbed ? 2 : 3)))
            guidanceHeight = max(5, min(content.guidance + 2, rest - bottom))
        }
        let top = questionHeight
        var guidance: [PaneID: Rect] = [:]
        if tabbed {
            guidance[guidanceTab.isGuidance ? guidanceTab : .expected] = Rect(x: 0, y: top, width: w, height: guidanceHeight)
        } else {
            let why = w * 28 / 100
            let evaluate = w * 30 / 100
            guidance[.whyAsk] = Rect(x: 0, y: top, width: why, height: guidanceHeight)
            guidance[.expected] = Rect(x: why, y: top, width: w - why - evaluate, height: guidanceHeight)
            guidance[.evaluate] = Rect(x: w - evaluate, y: top, width: evaluate, height: guidanceHeight)
        }
        let bottom = top + guidanceHeight
        let rubricWidth = w * (tabbed ? 50 : 42) / 100
        return LiveLayout(
            question: question, guidance: guidance, tabbed: tabbed,
            rubric: Rect(x: 0, y: bottom, width: rubricWidth, height: h - 1 - bottom),
            notes: Rect(x: rubricWidth, y: bottom, width: w - rubricWidth, height: h - 1 - bottom),
            status: status)
    }
}
