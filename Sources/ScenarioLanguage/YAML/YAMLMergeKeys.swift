/// YAML merge keys: `<<: *base` copies the pairs of the aliased mapping into the mapping that holds it.
///
/// Keys written explicitly in the mapping win over merged ones. With a list (`<<: [*a, *b]`), the mappings are
/// merged in order and a key from an earlier mapping wins over the same key in a later one (as YAML 1.1 says).
/// The merged pairs take the place of the `<<` pair and keep their own source positions.
enum YAMLMergeKeys {
    static func apply(to pairs: [YAMLPair]) -> [YAMLPair] {
        guard pairs.contains(where: isMerge) else { return pairs }
        var taken = Set(pairs.filter { !isMerge($0) }.compactMap(\.name))
        var result: [YAMLPair] = []
        for pair in pairs {
            guard isMerge(pair), let sources = mergedMappings(pair.value) else {
                result.append(pair)
                continue
            }
            for source in sources {
                for merged in source where merged.name.map({ taken.insert($0).inserted }) ?? true {
                    result.append(merged)
                }
            }
        }
        return result
    }

    private static func isMerge(_ pair: YAMLPair) -> Bool {
        pair.key.isPlain && pair.key.tag == nil && pair.name == "<<"
    }

    /// The mappings a merge key's value names, or nil when it is not a mapping or a list of mappings (the
    /// `<<` key is then left in place and reported as an unknown key).
    private static func mergedMappings(_ value: YAMLNode) -> [[YAMLPair]]? {
        if let pairs = value.pairs { return [pairs] }
        guard let items = value.items else { return nil }
        let mappings = items.compactMap(\.pairs)
        return mappings.count == items.count ? mappings : nil
    }
}
