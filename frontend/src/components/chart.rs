//! Charts that say what they show (issue #23 point 6): every label whole (wrapped over lines,
//! never cut), the value written on each bar, a legend for each colour and a scale along the
//! bottom with its title. Drawn as SVG from the numbers the page already has.

use leptos::prelude::*;

/// How wide a chart is drawn, and its label column (labels wrap within it).
#[derive(Clone, Copy)]
pub struct Size {
    pub width: f64,
    pub label_width: f64,
    /// Characters of a label per line at the chart's font size.
    pub label_chars: usize,
}

/// A chart of its own on a page (the reports).
pub const PAGE: Size = Size {
    width: 720.0,
    label_width: 250.0,
    label_chars: 34,
};

/// A chart in a card of the home page's dashboard.
pub const CARD: Size = Size {
    width: 420.0,
    label_width: 150.0,
    label_chars: 20,
};

const WIDTH: f64 = PAGE.width;
const LINE: f64 = 15.0;
const BAR: f64 = 20.0;
const GAP: f64 = 8.0;
/// Room for the value written after the longest bar.
const VALUE_ROOM: f64 = 70.0;
const AXIS: f64 = 44.0;
const LEGEND: f64 = 26.0;

/// One colour of a chart: its name in the legend and its CSS class.
#[derive(Clone, Copy)]
pub struct Series {
    pub name: &'static str,
    pub class: &'static str,
}

/// `label` cut into lines of at most `width` characters at spaces (a longer word stays
/// whole on its own line).
pub fn wrap(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// A readable step for a scale up to `max`: 1, 2 or 5 times a power of ten, four or five ticks.
fn tick_step(max: i64) -> i64 {
    let rough = (max.max(1) as f64 / 4.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    step as i64
}

/// The scale's top: the largest value rounded up to a tick.
fn scale_top(max: i64) -> i64 {
    let step = tick_step(max);
    ((max.max(1) + step - 1) / step) * step
}

/// Row positions: each row as tall as its wrapped label, at least a bar.
fn layout(labels: &[Vec<String>], top: f64) -> (Vec<f64>, f64) {
    let mut y = top;
    let mut starts = Vec::with_capacity(labels.len());
    for lines in labels {
        starts.push(y);
        y += (lines.len() as f64 * LINE).max(BAR) + GAP;
    }
    (starts, y)
}

fn label_view(lines: Vec<String>, x: f64, y: f64, anchor: &'static str) -> impl IntoView {
    let height = (lines.len() as f64 * LINE).max(BAR);
    // Centred on the row: the first line's baseline sits half the block above the middle.
    let first = y + (height - lines.len() as f64 * LINE) / 2.0 + LINE * 0.8;
    view! {
        <text class="chart-label" x=x y=first text-anchor=anchor>
            {lines.into_iter().enumerate().map(|(i, line)| view! {
                <tspan x=x dy=if i == 0 { 0.0 } else { LINE }>{line}</tspan>
            }).collect_view()}
        </text>
    }
}

fn legend_view(series: &[Series], x: f64, y: f64) -> impl IntoView {
    let mut x = x;
    series
        .iter()
        .map(|s| {
            let at = x;
            x += 22.0 + s.name.chars().count() as f64 * 6.5 + 20.0;
            view! {
                <g class="chart-legend" data-testid="chart-legend">
                    <rect class=s.class x=at y=y width="16" height="12" />
                    <text x=at + 22.0 y=y + 11.0>{s.name}</text>
                </g>
            }
        })
        .collect_view()
}

/// The scale along the bottom: ticks from `from` over `span` pixels for values 0…`top`
/// (`mirrored`: to both sides of `from`, for the pyramid), and its title.
fn axis_view(from: f64, span: f64, top: i64, y: f64, title: String, mirrored: bool) -> impl IntoView {
    let step = tick_step(top);
    let ticks: Vec<i64> = (0..=top / step).map(|i| i * step).collect();
    let x_of = move |v: i64, side: f64| from + side * v as f64 / top.max(1) as f64 * span;
    let sides: &[f64] = if mirrored { &[-1.0, 1.0] } else { &[1.0] };
    let left = if mirrored { from - span } else { from };
    view! {
        <g class="chart-axis" data-testid="chart-axis">
            <line x1=left y1=y x2=from + span y2=y />
            {sides.iter().flat_map(|side| ticks.iter().map(move |v| (*v, *side))).filter(|(v, side)| !(*v == 0 && *side < 0.0)).map(|(v, side)| {
                let x = x_of(v, side);
                view! {
                    <line x1=x y1=y x2=x y2=y + 5.0 />
                    <text x=x y=y + 18.0 text-anchor="middle">{crate::format::thousands(v)}</text>
                }
            }).collect_view()}
            <text class="chart-axis-title" x=from + if mirrored { 0.0 } else { span / 2.0 } y=y + 36.0 text-anchor="middle">{title}</text>
        </g>
    }
}

fn frame(label: &str, width: f64, height: f64, body: impl IntoView) -> impl IntoView {
    view! {
        <svg class="chart" data-testid="chart" role="img" aria-label=label.to_owned()
            viewBox=format!("0 0 {width} {height}") preserveAspectRatio="xMinYMin meet">
            <title>{label.to_owned()}</title>
            {body}
        </svg>
    }
}

/// One bar per row, its value written after it; a scale titled `axis` along the bottom.
pub fn bars(size: Size, title: &str, rows: Vec<(String, i64)>, axis: &str) -> impl IntoView {
    let Size {
        width,
        label_width,
        label_chars,
    } = size;
    let labels: Vec<Vec<String>> = rows.iter().map(|(l, _)| wrap(l, label_chars)).collect();
    let (starts, bottom) = layout(&labels, 4.0);
    let top = scale_top(rows.iter().map(|(_, v)| *v).max().unwrap_or(0));
    let span = width - label_width - VALUE_ROOM;
    let body = view! {
        {rows.into_iter().zip(labels).zip(starts).map(|(((label, value), lines), y)| {
            let height = (lines.len() as f64 * LINE).max(BAR);
            let bar_y = y + (height - BAR) / 2.0;
            let w = value as f64 / top as f64 * span;
            view! {
                <g data-testid="chart-row" data-label=label.clone() data-value=value>
                    {label_view(lines, label_width - 8.0, y, "end")}
                    <rect class="bar" x=label_width y=bar_y width=w height=BAR><title>{format!("{label}: {value}")}</title></rect>
                    <text class="chart-value" x=label_width + w + 5.0 y=bar_y + BAR * 0.72>{crate::format::thousands(value)}</text>
                </g>
            }
        }).collect_view()}
        {axis_view(label_width, span, top, bottom, axis.to_owned(), false)}
    };
    frame(title, width, bottom + AXIS, body)
}

/// Two bars per row from a middle line: the first series to the left, the second to the right,
/// each with its value; a legend above, a scale to both sides below.
pub fn pyramid(title: &str, rows: Vec<(String, i64, i64)>, series: [Series; 2], axis: &str) -> impl IntoView {
    let labels: Vec<Vec<String>> = rows.iter().map(|(l, _, _)| wrap(l, 14)).collect();
    let (starts, bottom) = layout(&labels, LEGEND);
    let top = scale_top(rows.iter().map(|(_, a, b)| (*a).max(*b)).max().unwrap_or(0));
    let label_column = 110.0;
    let half = (WIDTH - label_column - 2.0 * VALUE_ROOM) / 2.0;
    let middle = label_column + VALUE_ROOM + half;
    let [left, right] = series;
    let body = view! {
        {legend_view(&series, label_column + VALUE_ROOM, 4.0)}
        {rows.into_iter().zip(labels).zip(starts).map(|(((label, a, b), lines), y)| {
            let height = (lines.len() as f64 * LINE).max(BAR);
            let bar_y = y + (height - BAR) / 2.0;
            let (wa, wb) = (a as f64 / top as f64 * half, b as f64 / top as f64 * half);
            view! {
                <g data-testid="chart-row" data-label=label.clone() data-value=a + b>
                    {label_view(lines, 0.0, y, "start")}
                    <rect class=format!("bar {}", left.class) x=middle - wa y=bar_y width=wa height=BAR><title>{format!("{label} — {}: {a}", left.name)}</title></rect>
                    <text class="chart-value" x=middle - wa - 5.0 y=bar_y + BAR * 0.72 text-anchor="end">{crate::format::thousands(a)}</text>
                    <rect class=format!("bar {}", right.class) x=middle y=bar_y width=wb height=BAR><title>{format!("{label} — {}: {b}", right.name)}</title></rect>
                    <text class="chart-value" x=middle + wb + 5.0 y=bar_y + BAR * 0.72>{crate::format::thousands(b)}</text>
                </g>
            }
        }).collect_view()}
        {axis_view(middle, half, top, bottom, axis.to_owned(), true)}
    };
    frame(title, WIDTH, bottom + AXIS, body)
}

/// Headcount against quota per row: the quota as an outlined bar, the headcount filled inside
/// it (red when over), `count / quota` written after; a legend above, a scale below.
pub fn gauges(size: Size, title: &str, rows: Vec<(String, i64, i64)>, axis: &str) -> impl IntoView {
    let Size {
        width,
        label_width,
        label_chars,
    } = size;
    let labels: Vec<Vec<String>> = rows.iter().map(|(l, _, _)| wrap(l, label_chars)).collect();
    let (starts, bottom) = layout(&labels, LEGEND);
    let top = scale_top(
        rows.iter()
            .map(|(_, count, quota)| (*count).max(*quota))
            .max()
            .unwrap_or(0),
    );
    let span = width - label_width - VALUE_ROOM - 20.0;
    let series = [
        Series {
            name: "Biên chế được giao",
            class: "gauge",
        },
        Series {
            name: "Số có mặt",
            class: "bar",
        },
        Series {
            name: "Vượt biên chế",
            class: "bar over",
        },
    ];
    let body = view! {
        {legend_view(&series, 0.0, 4.0)}
        {rows.into_iter().zip(labels).zip(starts).map(|(((label, count, quota), lines), y)| {
            let height = (lines.len() as f64 * LINE).max(BAR);
            let bar_y = y + (height - BAR) / 2.0;
            let class = if count > quota { "bar over" } else { "bar" };
            let (wq, wc) = (quota as f64 / top as f64 * span, count as f64 / top as f64 * span);
            view! {
                <g data-testid="gauge" data-label=label.clone() data-value=count>
                    {label_view(lines, label_width - 8.0, y, "end")}
                    <rect class="gauge" x=label_width y=bar_y width=wq height=BAR />
                    <rect class=class x=label_width y=bar_y + 4.0 width=wc height=BAR - 8.0><title>{format!("{label}: {count} / {quota}")}</title></rect>
                    <text class="chart-value" x=label_width + wq.max(wc) + 5.0 y=bar_y + BAR * 0.72>{format!("{} / {}", crate::format::thousands(count), crate::format::thousands(quota))}</text>
                </g>
            }
        }).collect_view()}
        {axis_view(label_width, span, top, bottom, axis.to_owned(), false)}
    };
    frame(title, width, bottom + AXIS, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_at_spaces_and_keep_every_word() {
        let label = "Giáo viên trung học phổ thông hạng II";
        let lines = wrap(label, 20);
        assert_eq!(lines, ["Giáo viên trung học", "phổ thông hạng II"]);
        assert_eq!(lines.join(" "), label);
    }

    #[test]
    fn scales_end_on_a_round_tick_above_the_largest_value() {
        assert_eq!((tick_step(7), scale_top(7)), (2, 8));
        assert_eq!((tick_step(230), scale_top(230)), (100, 300));
        assert_eq!(scale_top(0), 1);
    }
}
