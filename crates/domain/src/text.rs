//! Text as Vietnamese users search it: without tone marks and vowel hats, so that
//! "nguyen van an" finds "Nguyễn Văn An" (and "NGUYEN" finds it too).

/// Lower case without diacritics: `Đặng Thị Ánh` → `dang thi anh`.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(base_letter)
        .collect()
}

/// The vowels with hats and hooks in Vietnamese alphabet order (a ă â, e ê, o ô ơ, u ư) and
/// each with its tones in dictionary order: none, huyền, sắc, hỏi, ngã, nặng.
const VOWELS: &[(char, u8, &str)] = &[
    ('a', 0, "aàáảãạ"),
    ('a', 1, "ăằắẳẵặ"),
    ('a', 2, "âầấẩẫậ"),
    ('e', 0, "eèéẻẽẹ"),
    ('e', 1, "êềếểễệ"),
    ('i', 0, "iìíỉĩị"),
    ('o', 0, "oòóỏõọ"),
    ('o', 1, "ôồốổỗộ"),
    ('o', 2, "ơờớởỡợ"),
    ('u', 0, "uùúủũụ"),
    ('u', 1, "ưừứửữự"),
    ('y', 0, "yỳýỷỹỵ"),
];

/// How a name sorts in a Vietnamese list: by the given name (the last word), then the family
/// and middle names as written; letters in the Vietnamese alphabet (d before đ, o before ô
/// before ơ, …), tones only to break ties. The key holds only ASCII letters and digits, so
/// both databases' collations order it the same way.
pub fn sort_key(full_name: &str) -> String {
    let lower = full_name.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if let Some(given) = words.pop() {
        words.insert(0, given);
    }
    let mut key = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            // Shorter words first: "An" before "Anh" ('0' sorts before any letter).
            key.push_str("00");
        }
        // Each word is its letters, then its tones: "Anh" before "Ánh" before the next word.
        let mut tones = String::new();
        for c in word.chars() {
            let (base, variant, tone) = match c {
                'đ' => ('d', 1, 0),
                c => VOWELS
                    .iter()
                    .find_map(|(base, variant, forms)| {
                        forms
                            .chars()
                            .position(|f| f == c)
                            .map(|tone| (*base, *variant, tone as u8))
                    })
                    .unwrap_or((c, 0, 0)),
            };
            if base.is_ascii_alphanumeric() {
                key.push(base);
                key.push(char::from(b'0' + variant));
                tones.push(char::from(b'0' + tone));
            }
        }
        key.push('0');
        key.push_str(&tones);
    }
    key
}

/// A file-name part of a Vietnamese name: `Trường THPT Phố Hiến` → `truong-thpt-pho-hien`.
pub fn slug(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The letter a Vietnamese accented letter is written on (`ế` → `e`, `đ` → `d`); others as is.
fn base_letter(c: char) -> char {
    const GROUPS: &[(char, &str)] = &[
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
        ('d', "đ"),
    ];
    if c.is_ascii() {
        return c;
    }
    GROUPS
        .iter()
        .find(|(_, accented)| accented.contains(c))
        .map_or(c, |(base, _)| *base)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_every_vietnamese_letter_to_its_base() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("ĐẶNG THỊ ÁNH"), "dang thi anh");
        assert_eq!(fold("Hưng Yên, Thừa Thiên Huế"), "hung yen, thua thien hue");
        assert_eq!(fold("Ơ-đu, Rơ-măm"), "o-du, ro-mam");
        assert_eq!(fold("01.003 V.07"), "01.003 v.07");
    }

    #[test]
    fn names_sort_by_given_name_in_the_vietnamese_alphabet() {
        let mut names = vec![
            "Nguyễn Văn Đức",
            "Trần Thị Dung",
            "Lê Văn An",
            "Phạm Thị Ánh",
            "Nguyễn Văn Anh",
            "Hoàng Ơn",
            "Đỗ Thị Oanh",
            "Bùi Văn Ổn",
            "Võ Ưng",
            "Lý Uyên",
        ];
        names.sort_by_key(|n| super::sort_key(n));
        assert_eq!(
            names,
            vec![
                "Lê Văn An",
                "Nguyễn Văn Anh",
                "Phạm Thị Ánh",
                "Trần Thị Dung",
                "Nguyễn Văn Đức",
                "Đỗ Thị Oanh",
                "Bùi Văn Ổn",
                "Hoàng Ơn",
                "Lý Uyên",
                "Võ Ưng",
            ]
        );
        assert!(super::sort_key("Nguyễn Văn An")
            .chars()
            .all(|c| c.is_ascii_alphanumeric()));
    }
}

/// The first character no text input may hold: a C0 control character or DEL, except tab, line
/// feed and carriage return where the text may run over several lines (`multi_line`). NUL in
/// particular cannot be stored by PostgreSQL, and escape sequences in a name would be replayed
/// into whatever terminal or log shows it.
pub fn forbidden_control(text: &str, multi_line: bool) -> Option<char> {
    text.chars().find(|&c| {
        let control = c <= '\u{1f}' || c == '\u{7f}';
        control && !(multi_line && matches!(c, '\t' | '\n' | '\r'))
    })
}

#[cfg(test)]
mod control_tests {
    use super::forbidden_control;

    #[test]
    fn control_characters_are_found_and_line_breaks_allowed_only_in_multi_line_text() {
        assert_eq!(forbidden_control("quan\u{0}tri", true), Some('\u{0}'));
        assert_eq!(forbidden_control("\u{1b}[31mquantri", true), Some('\u{1b}'));
        assert_eq!(forbidden_control("a\u{7f}", true), Some('\u{7f}'));
        assert_eq!(forbidden_control("dòng 1\ndòng 2\tcột", true), None);
        assert_eq!(forbidden_control("dòng 1\ndòng 2", false), Some('\n'));
        assert_eq!(forbidden_control("Nguyễn Văn An", false), None);
    }
}

/// Calls `visit` with the path (`family[1].full_name`) and text of every string in `value`, and
/// with `key: true` for each object key (its path being the field it names); stops at the
/// first `Some` it returns.
pub fn find_in_json<T>(
    value: &serde_json::Value,
    at: &str,
    visit: &mut impl FnMut(&str, &str, bool) -> Option<T>,
) -> Option<T> {
    match value {
        serde_json::Value::String(text) => visit(at, text, false),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| find_in_json(item, &format!("{at}[{i}]"), visit)),
        serde_json::Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let path = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            visit(&path, key, true).or_else(|| find_in_json(item, &path, visit))
        }),
        _ => None,
    }
}
