import InterviewCore

/// Focus, scrolling, the help overlay and the terminal's size: the part of every
/// question screen's reducer that only moves the view. Limits are asked of the screen
/// as it would be drawn (`LiveScreen`), so scrolling stops exactly on the last line.
enum ViewReducer {
    static func reduce(_ screen: inout LiveState, _ action: ViewAction) {
        switch action {
        case .focusNext, .focusPrevious:
            let panes = PaneID.order(wrappingUp: screen.session.wrappingUp)
            let step = action == .focusNext ? 1 : panes.count - 1
            screen.focus = panes[((panes.firstIndex(of: screen.focus) ?? 0) + step) % panes.count]
            if screen.focus.isGuidance { screen.guidanceTab = screen.focus }
        case .scroll(let lines):
            scroll(&screen, screen.focus, by: lines)
        case .page(let pages):
            scroll(&screen, screen.focus, by: pages * max(1, LiveScreen.visibleLines(screen.focus, in: screen) - 1))
        case .toggleHelp:
            screen.overlay = screen.overlay?.isHelp == true ? nil : .help(scroll: 0)
        case .closeOverlay:
            screen.overlay = nil
            screen.pending = nil
        case .focus(let pane):
            guard PaneID.order(wrappingUp: screen.session.wrappingUp).contains(pane) else { return }
            screen.focus = pane
            if pane.isGuidance { screen.guidanceTab = pane }
        case .scrollPane(let pane, let lines):
            scroll(&screen, pane, by: lines)
        case .scrollToEnd(let end):
            scroll(&screen, screen.focus, by: end ? .max : .min)
        case .helpScroll(let lines):
            scrollHelp(&screen, by: lines)
        case .helpPage(let pages):
            scrollHelp(&screen, by: pages * max(1, HelpOverlay.visibleLines(in: screen) - 1))
        case .resize(let size):
            screen.size = size
            for pane in PaneID.allCases { scroll(&screen, pane, by: 0) }
            scrollHelp(&screen, by: 0)
        }
    }

    /// Resets scrolling when the question on screen changed.
    static func questionChanged(_ screen: inout LiveState, wrappingUp: Bool) {
        screen.scroll = [:]
        if !PaneID.order(wrappingUp: wrappingUp).contains(screen.focus) {
            screen.focus = wrappingUp ? .summary : .expected
        }
    }

    private static func scroll(_ screen: inout LiveState, _ pane: PaneID, by lines: Int) {
        // Panes wrap their text only down to what they show: the limit is asked at the scroll wanted.
        var wanted = screen
        let (sum, overflow) = (screen.scroll[pane] ?? 0).addingReportingOverflow(lines)
        let target = max(0, overflow ? (lines > 0 ? .max : 0) : sum)
        wanted.scroll[pane] = target
        let value = min(target, LiveScreen.maxScroll(pane, in: wanted))
        screen.scroll[pane] = value == 0 ? nil : value
    }

    private static func scrollHelp(_ screen: inout LiveState, by lines: Int) {
        guard case .help(let current) = screen.overlay else { return }
        let limit = HelpOverlay.maxScroll(in: screen)
        let (sum, overflow) = current.addingReportingOverflow(lines)
        screen.overlay = .help(scroll: min(max(0, overflow ? (lines > 0 ? limit : 0) : sum), limit))
    }
}
