/// Keys of the screens with nothing to type into (replay), and of the help overlay: every
/// key acts at once.
enum ViewKeys {
    static func panes<Context, Action>(_ wrap: @escaping @Sendable (ViewAction) -> Action) -> [KeyBinding<Context, Action>] {
        [
            KeyBinding(.key, [.tab], "move the focus to the next pane") { _, _ in wrap(.focusNext) },
            KeyBinding(.key, [.backTab], "move the focus to the previous pane") { _, _ in wrap(.focusPrevious) },
            KeyBinding(.key, [.character("j"), .down, .character("k"), .up], "scroll the focused pane a line") { key, _ in
                wrap(.scroll(key == .character("j") || key == .down ? 1 : -1))
            },
            KeyBinding(.key, [.pageDown, .pageUp], "scroll the focused pane a page") { key, _ in
                wrap(.page(key == .pageDown ? 1 : -1))
            },
            KeyBinding(.key, [.character("?"), .function(1)], "this help", hint: ("help", 90)) { _, _ in wrap(.toggleHelp) },
        ]
    }

    static func help<Context, Action>(_ wrap: @escaping @Sendable (ViewAction) -> Action) -> KeyTable<Context, Action> {
        KeyTable(name: "help", title: "Help overlay", [
            KeyBinding(.key, [.character("j"), .down, .character("k"), .up], "scroll a line") { key, _ in
                wrap(.helpScroll(key == .character("j") || key == .down ? 1 : -1))
            },
            KeyBinding(.key, [.pageDown, .pageUp, .character(" ")], "scroll a page") { key, _ in
                wrap(.helpPage(key == .pageUp ? -1 : 1))
            },
            KeyBinding(.key, [.character("?"), .escape, .character("q"), .function(1)], "close") { _, _ in wrap(.closeOverlay) },
        ])
    }
}
