//! Text as Vietnamese users search it: without tone marks and vowel hats, so that
//! "nguyen van an" finds "Nguyễn Văn An" (and "NGUYEN" finds it too).

/// Lower case without diacritics: `Đặng Thị Ánh` → `dang thi anh`.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(base_letter)
        .collect()
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
