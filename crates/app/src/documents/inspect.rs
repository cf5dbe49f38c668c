//! An uploaded scan is read whole before it is kept (issue #19, defect 8): its first bytes
//! are not enough — `%PDF-1.4` followed by random bytes is no PDF, a PNG header followed by a
//! script is no image. A PDF must open and have pages and carry no script, launch action or
//! embedded file; an image must decode to its last pixel; and nothing may follow the end of
//! the format (a file that is two things at once — a polyglot — is refused). Each refusal says
//! what is wrong with the file, in Vietnamese.

use std::io::Cursor;

use hoso_domain::FieldError;

/// What the uploader declared, checked against what the bytes are.
pub fn inspect(declared: &str, bytes: &[u8]) -> Result<(), FieldError> {
    let refuse = |code: &str, message: &str| Err(FieldError::new("file", code, message));
    let Some(actual) = super::sniff(bytes) else {
        return refuse(
            "not_a_document",
            "Nội dung tệp không phải PDF, JPEG hay PNG (có thể là trang web, văn bản hoặc tệp khác đổi tên). Hãy quét hoặc xuất lại thành PDF, JPEG hoặc PNG.",
        );
    };
    if actual != declared {
        return Err(FieldError::new(
            "file",
            "type_mismatch",
            format!("Tệp được gửi là {declared} nhưng nội dung là {actual}."),
        ));
    }
    match actual {
        "application/pdf" => pdf(bytes),
        "image/png" => png(bytes),
        _ => jpeg(bytes),
    }
}

fn pdf(bytes: &[u8]) -> Result<(), FieldError> {
    let broken = |message: &str| Err(FieldError::new("file", "broken_file", message));
    // Only white space may follow the last end-of-file marker.
    let Some(end) = bytes.windows(5).rposition(|w| w == b"%%EOF") else {
        return broken("Tệp PDF bị cắt dở hoặc hỏng (không có phần kết thúc). Hãy xuất lại tệp.");
    };
    if !bytes[end + 5..].iter().all(u8::is_ascii_whitespace) {
        return Err(FieldError::new(
            "file",
            "polyglot",
            "Sau phần kết thúc của tệp PDF còn dữ liệu khác; tệp không được nhận.",
        ));
    }
    let Ok(document) = lopdf::Document::load_mem(bytes) else {
        return broken("Tệp PDF bị hỏng, không mở được. Hãy xuất lại tệp.");
    };
    if document.get_pages().is_empty() {
        return broken("Tệp PDF không có trang nào.");
    }
    if document.objects.values().any(is_active) {
        return Err(FieldError::new(
            "file",
            "active_content",
            "Tệp PDF có chứa mã lệnh hoặc tệp đính kèm bên trong. Hãy in ra PDF thông thường (hoặc quét lại) rồi tải lên.",
        ));
    }
    Ok(())
}

/// Whether an object, or any dictionary or array inside it, is a script, a launch action or an
/// embedded file.
fn is_active(object: &lopdf::Object) -> bool {
    let dictionary = match object {
        lopdf::Object::Dictionary(d) => d,
        lopdf::Object::Stream(s) => &s.dict,
        lopdf::Object::Array(items) => return items.iter().any(is_active),
        _ => return false,
    };
    let keys = [
        b"JS".as_slice(),
        b"JavaScript",
        b"Launch",
        b"EmbeddedFiles",
        b"EmbeddedFile",
        b"RichMedia",
    ];
    let action = dictionary
        .get(b"S")
        .and_then(lopdf::Object::as_name)
        .is_ok_and(|name| name == b"JavaScript" || name == b"Launch");
    action
        || keys.iter().any(|key| dictionary.has(key))
        || dictionary.iter().any(|(_, value)| is_active(value))
}

const IEND: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];

fn png(bytes: &[u8]) -> Result<(), FieldError> {
    let broken = || {
        Err(FieldError::new(
            "file",
            "broken_file",
            "Ảnh PNG bị hỏng hoặc cắt dở, không hiển thị được. Hãy chụp hoặc quét lại.",
        ))
    };
    let decoder = png::Decoder::new(Cursor::new(bytes));
    let Ok(mut reader) = decoder.read_info() else {
        return broken();
    };
    let Some(size) = reader.output_buffer_size() else {
        return broken();
    };
    let mut pixels = vec![0; size];
    if reader.next_frame(&mut pixels).is_err() || reader.finish().is_err() {
        return broken();
    }
    if !bytes.ends_with(&IEND) {
        return Err(FieldError::new(
            "file",
            "polyglot",
            "Sau phần kết thúc của ảnh PNG còn dữ liệu khác; tệp không được nhận.",
        ));
    }
    Ok(())
}

fn jpeg(bytes: &[u8]) -> Result<(), FieldError> {
    let mut decoder = zune_jpeg::JpegDecoder::new(Cursor::new(bytes));
    if decoder.decode().is_err() {
        return Err(FieldError::new(
            "file",
            "broken_file",
            "Ảnh JPEG bị hỏng hoặc cắt dở, không hiển thị được. Hãy chụp hoặc quét lại.",
        ));
    }
    // Cameras pad with zero bytes after the end-of-image marker; anything else is a payload.
    let content = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    if !bytes[..content].ends_with(&[0xFF, 0xD9]) {
        return Err(FieldError::new(
            "file",
            "polyglot",
            "Sau phần kết thúc của ảnh JPEG còn dữ liệu khác; tệp không được nhận.",
        ));
    }
    Ok(())
}
