//! Text as Vietnamese users search it: without tone marks and vowel hats, so that
//! "nguyen van an" finds "Nguyễn Văn An" (and "NGUYEN" finds it too).

/// Lower case without diacritics: `Đặng Thị Ánh` → `dang thi anh`.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(base_letter)
        .collect()
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
