/// Which of many texts occur in one long text, found in one pass over it: a trie of the
/// texts with, at each node, where to go on when the next scalar leads nowhere (the
/// longest end of what was read that starts some text). Time is linear in the sizes of
/// the texts and of the long text together; asking `contains` for each text instead
/// costs the long text's length per text, which a note of many lines makes quadratic.
/// Comparison is by Unicode scalars, as `TextRemoval` compares.
package struct SubstringFinder {
    /// Each node's children by scalar value, sorted: most nodes have one, and a search in
    /// a short array is cheaper than hashing every scalar of the long text.
    private var children: [[(scalar: UInt32, node: Int)]] = [[]]
    /// The node of the longest proper end of a node's path that is also a path.
    private var fallback: [Int] = [0]
    /// The texts whose path ends at each node.
    private var ending: [[Int]] = [[]]
    /// The nearest node along the fallbacks (itself excluded) at which some text ends.
    private var nextEnding: [Int?] = [nil]
    private let count: Int

    package init(_ texts: [[Unicode.Scalar]]) {
        count = texts.count
        for (number, text) in texts.enumerated() {
            var node = 0
            for scalar in text {
                if let child = child(of: node, scalar.value) {
                    node = child
                } else {
                    children.append([])
                    ending.append([])
                    let at = children[node].firstIndex { $0.scalar > scalar.value } ?? children[node].count
                    children[node].insert((scalar.value, children.count - 1), at: at)
                    node = children.count - 1
                }
            }
            ending[node].append(number)
        }
        // Breadth first: a node's fallback is found from its parent's, which is shallower.
        fallback = Array(repeating: 0, count: children.count)
        nextEnding = Array(repeating: nil, count: children.count)
        var queue = children[0].map(\.node)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (scalar, child) in children[node] {
                var other = fallback[node]
                while other != 0, self.child(of: other, scalar) == nil { other = fallback[other] }
                fallback[child] = node == 0 ? 0 : self.child(of: other, scalar) ?? 0
                nextEnding[child] = ending[fallback[child]].isEmpty ? nextEnding[fallback[child]] : fallback[child]
                queue.append(child)
            }
        }
    }

    /// For each text, in the order given, whether it occurs in `parts` one after the other
    /// (an empty one always does).
    package func found(in parts: [String]) -> [Bool] {
        var found = Array(repeating: false, count: count)
        for number in ending[0] { found[number] = true }
        guard children.count > 1 else { return found }
        // A node whose texts, and those along its fallbacks, are reported already.
        var reported = Array(repeating: false, count: children.count)
        var node = 0
        for part in parts {
            for scalar in part.unicodeScalars {
                while node != 0, child(of: node, scalar.value) == nil { node = fallback[node] }
                node = child(of: node, scalar.value) ?? 0
                var at: Int? = node
                while let current = at, !reported[current] {
                    reported[current] = true
                    for number in ending[current] { found[number] = true }
                    at = nextEnding[current]
                }
            }
        }
        return found
    }

    private func child(of node: Int, _ scalar: UInt32) -> Int? {
        let edges = children[node]
        var low = 0
        var high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle].scalar < scalar { low = middle + 1 } else { high = middle }
        }
        return low < edges.count && edges[low].scalar == scalar ? edges[low].node : nil
    }
}
