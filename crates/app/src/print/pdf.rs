//! A small PDF writer for forms: A4 pages of text in an embedded TrueType font (DejaVu Serif,
//! which covers every Vietnamese letter), lines and boxes. Text is written with character ids
//! equal to Unicode code points (Identity-H, a CID-to-glyph map built from the font), with a
//! ToUnicode map so that text can be searched and copied from the document.

use std::collections::BTreeSet;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use ttf_parser::{Face, GlyphId};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif-Bold.ttf");

pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;
pub const MARGIN: f32 = 50.0;

struct FontUse {
    face: Face<'static>,
    data: &'static [u8],
    name: &'static [u8],
    used: BTreeSet<char>,
}

impl FontUse {
    fn new(data: &'static [u8], name: &'static [u8]) -> Self {
        FontUse {
            face: Face::parse(data, 0).expect("the bundled font parses"),
            data,
            name,
            used: BTreeSet::new(),
        }
    }

    fn advance(&self, c: char) -> f32 {
        let units = f32::from(self.face.units_per_em());
        self.face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            .map_or(500.0, |a| f32::from(a) * 1000.0 / units)
    }
}

/// The document being written, page by page, top to bottom.
pub struct Document {
    fonts: [FontUse; 2],
    pages: Vec<Content>,
    /// Baseline of the next line, from the bottom of the page.
    pub y: f32,
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

impl Document {
    pub fn new() -> Self {
        Document {
            fonts: [
                FontUse::new(REGULAR, b"DejaVuSerif"),
                FontUse::new(BOLD, b"DejaVuSerif-Bold"),
            ],
            pages: vec![Content::new()],
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = &self.fonts[usize::from(bold)];
        text.chars().map(|c| font.advance(c)).sum::<f32>() * size / 1000.0
    }

    /// Starts a new page when fewer than `needed` points remain.
    pub fn ensure(&mut self, needed: f32) {
        if self.y - needed < MARGIN {
            self.pages.push(Content::new());
            self.y = PAGE_HEIGHT - MARGIN;
        }
    }

    /// Writes `text` with its baseline at (`x`, `y`).
    pub fn text_at(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool) {
        let font = &mut self.fonts[usize::from(bold)];
        let mut encoded = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            // Identity-H with CID = code point: characters beyond the BMP become '?'.
            let c = if u32::from(c) > 0xFFFF || font.face.glyph_index(c).is_none() {
                '?'
            } else {
                c
            };
            font.used.insert(c);
            encoded.extend_from_slice(&(u32::from(c) as u16).to_be_bytes());
        }
        let name = if bold { Name(b"F2") } else { Name(b"F1") };
        let page = self.pages.last_mut().expect("a page");
        page.begin_text();
        page.set_font(name, size);
        page.next_line(x, y);
        page.show(Str(&encoded));
        page.end_text();
    }

    /// Writes `text` from `x` within `width`, wrapping at spaces; returns the lines used.
    pub fn wrapped(&mut self, x: f32, width: f32, text: &str, size: f32, bold: bool) -> usize {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && self.width(&candidate, size, bold) > width {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            } else {
                line = candidate;
            }
        }
        lines.push(line);
        let leading = size * 1.35;
        for text in &lines {
            self.ensure(leading);
            let y = self.y;
            self.text_at(x, y, text, size, bold);
            self.y -= leading;
        }
        lines.len()
    }

    /// A rectangle outline (the photo frame, table cells).
    pub fn frame(&mut self, x: f32, y: f32, width: f32, height: f32) {
        let page = self.pages.last_mut().expect("a page");
        page.set_line_width(0.6);
        page.rect(x, y, width, height);
        page.stroke();
    }

    /// A horizontal rule at the current line.
    pub fn rule(&mut self) {
        let y = self.y + 4.0;
        let page = self.pages.last_mut().expect("a page");
        page.set_line_width(0.4);
        page.move_to(MARGIN, y);
        page.line_to(PAGE_WIDTH - MARGIN, y);
        page.stroke();
    }

    /// An embedded JPEG image at (`x`, `y`) scaled to `width` × `height`.
    pub fn jpeg(&mut self, x: f32, y: f32, width: f32, height: f32) {
        let page = self.pages.last_mut().expect("a page");
        page.save_state();
        page.transform([width, 0.0, 0.0, height, x, y]);
        page.x_object(Name(b"Im1"));
        page.restore_state();
    }

    /// The finished PDF. `photo` is a JPEG (bytes, pixel width, pixel height) placed by `jpeg`;
    /// `attachment` (file name, bytes) is embedded as a file of the document, uncompressed.
    pub fn finish(
        self,
        title: &str,
        photo: Option<(&[u8], u32, u32)>,
        attachment: Option<(&str, &[u8])>,
    ) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let mut next = 1;
        let mut alloc = || {
            let id = Ref::new(next);
            next += 1;
            id
        };
        let catalog = alloc();
        let tree = alloc();
        let image = alloc();
        let info = alloc();
        let font_refs: Vec<[Ref; 6]> = (0..2)
            .map(|_| [alloc(), alloc(), alloc(), alloc(), alloc(), alloc()])
            .collect();
        let page_refs: Vec<(Ref, Ref)> = self.pages.iter().map(|_| (alloc(), alloc())).collect();

        let file_spec = alloc();
        let file_stream = alloc();
        {
            let mut root = pdf.catalog(catalog);
            root.pages(tree);
            if let Some((name, _)) = attachment {
                root.names()
                    .embedded_files()
                    .names()
                    .insert(Str(name.as_bytes()), file_spec);
            }
        }
        if let Some((name, bytes)) = attachment {
            pdf.embedded_file(file_stream, bytes);
            pdf.file_spec(file_spec)
                .path(Str(name.as_bytes()))
                .unic_file(pdf_writer::TextStr(name))
                .embedded_file(file_stream)
                .description(pdf_writer::TextStr("Bản kết xuất có chữ ký số"));
        }
        pdf.pages(tree)
            .kids(page_refs.iter().map(|(p, _)| *p))
            .count(page_refs.len() as i32);
        pdf.document_info(info)
            .title(pdf_writer::TextStr(title))
            .producer(pdf_writer::TextStr("hoso"));
        for ((page_id, content_id), content) in page_refs.iter().zip(self.pages) {
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
            page.parent(tree);
            page.contents(*content_id);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Name(b"F1"), font_refs[0][0]);
            fonts.pair(Name(b"F2"), font_refs[1][0]);
            fonts.finish();
            if photo.is_some() {
                resources.x_objects().pair(Name(b"Im1"), image);
            }
            resources.finish();
            page.finish();
            pdf.stream(*content_id, &content.finish());
        }
        if let Some((bytes, width, height)) = photo {
            let mut xobject = pdf.image_xobject(image, bytes);
            xobject.filter(Filter::DctDecode);
            xobject.width(width as i32);
            xobject.height(height as i32);
            xobject.color_space().device_rgb();
            xobject.bits_per_component(8);
        }
        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        for (font, [type0, cid, descriptor, file, gid_map, to_unicode]) in self.fonts.iter().zip(font_refs) {
            pdf.type0_font(type0)
                .base_font(Name(font.name))
                .encoding_predefined(Name(b"Identity-H"))
                .descendant_font(cid)
                .to_unicode(to_unicode);
            let mut cid_font = pdf.cid_font(cid);
            cid_font
                .subtype(CidFontType::Type2)
                .base_font(Name(font.name))
                .system_info(system)
                .font_descriptor(descriptor)
                .default_width(500.0)
                .cid_to_gid_map_stream(gid_map);
            let mut widths = cid_font.widths();
            for c in &font.used {
                widths.consecutive(u32::from(*c) as u16, [font.advance(*c)]);
            }
            widths.finish();
            cid_font.finish();
            let face = &font.face;
            let scale = 1000.0 / f32::from(face.units_per_em());
            let bbox = face.global_bounding_box();
            pdf.font_descriptor(descriptor)
                .name(Name(font.name))
                .flags(FontFlags::SERIF | FontFlags::NON_SYMBOLIC)
                .bbox(Rect::new(
                    f32::from(bbox.x_min) * scale,
                    f32::from(bbox.y_min) * scale,
                    f32::from(bbox.x_max) * scale,
                    f32::from(bbox.y_max) * scale,
                ))
                .italic_angle(0.0)
                .ascent(f32::from(face.ascender()) * scale)
                .descent(f32::from(face.descender()) * scale)
                .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) * scale)
                .stem_v(80.0)
                .font_file2(file);
            pdf.stream(file, font.data)
                .pair(Name(b"Length1"), font.data.len() as i32);
            // CID (= code point) to glyph id, two bytes each, for the characters used.
            let top = font
                .used
                .iter()
                .map(|c| u32::from(*c) as usize)
                .max()
                .unwrap_or(0);
            let mut map = vec![0u8; (top + 1) * 2];
            for c in &font.used {
                let gid = face.glyph_index(*c).unwrap_or(GlyphId(0)).0;
                let at = u32::from(*c) as usize * 2;
                map[at..at + 2].copy_from_slice(&gid.to_be_bytes());
            }
            pdf.stream(gid_map, &map);
            let mut cmap = pdf_writer::types::UnicodeCmap::<u16>::new(Name(b"Custom"), system);
            for c in &font.used {
                cmap.pair(u32::from(*c) as u16, *c);
            }
            pdf.cmap(to_unicode, &cmap.finish()).system_info(system);
        }
        pdf.finish()
    }
}

/// Width and height of a baseline JPEG, from its start-of-frame marker.
pub fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if matches!(marker, 0xC0..=0xC2) {
            let height = u32::from(u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]));
            let width = u32::from(u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]));
            return Some((width, height));
        }
        i += 2 + length;
    }
    None
}
