/// Keys every question screen shares (live, practice, replay): focus and scrolling of
/// the panes, and the help overlay's own keys.
enum ViewKeys {
    static func panes<Context, Action>(_ wrap: @escaping @Sendable (ViewAction) -> Action) -> [KeyBinding<Context, Action>] {
        [
            KeyBinding([.tab], "Tab", "move the focus to the next pane") { _, _ in wrap(.focusNext) },
            KeyBinding([.backTab], "⇧Tab", "move the focus to the previous pane") { _, _ in wrap(.focusPrevious) },
            KeyBinding([.character("j"), .down, .character("k"), .up], "j k ↓ ↑", "scroll the focused pane a line") { key, _ in
                wrap(.scroll(key == .character("j") || key == .down ? 1 : -1))
            },
            KeyBinding([.pageDown, .pageUp], "PgDn PgUp", "scroll the focused pane a page") { key, _ in
                wrap(.page(key == .pageDown ? 1 : -1))
            },
            KeyBinding([.character("?"), .function(1)], "? F1", "this help", hint: Hint("?", "help", rank: 90)) { _, _ in
                wrap(.toggleHelp)
            },
        ]
    }

    static func help<Context, Action>(_ wrap: @escaping @Sendable (ViewAction) -> Action) -> KeyTable<Context, Action> {
        KeyTable(name: "help", title: "Help overlay", [
            KeyBinding([.character("j"), .down, .character("k"), .up], "j k ↓ ↑", "scroll a line") { key, _ in
                wrap(.helpScroll(key == .character("j") || key == .down ? 1 : -1))
            },
            KeyBinding([.pageDown, .pageUp, .character(" ")], "PgDn PgUp space", "scroll a page") { key, _ in
                wrap(.helpPage(key == .pageUp ? -1 : 1))
            },
            KeyBinding([.character("?"), .escape, .character("q"), .function(1)], "? Esc q", "close") { _, _ in wrap(.closeOverlay) },
        ])
    }
}
