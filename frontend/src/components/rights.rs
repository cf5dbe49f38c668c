use hoso_domain::access::Right;
use leptos::prelude::*;

/// One checkbox per right in `choices`; `chosen` holds the ticked ones.
#[component]
pub fn RightsPicker(
    #[prop(into)] choices: Signal<Vec<Right>>,
    chosen: RwSignal<Vec<Right>>,
) -> impl IntoView {
    move || {
        choices
            .get()
            .into_iter()
            .map(|right| {
                view! {
                    <label class="check">
                        <input type="checkbox" value=right.as_str()
                            prop:checked=move || chosen.get().contains(&right)
                            on:change=move |_| chosen.update(|list| {
                                if let Some(i) = list.iter().position(|r| *r == right) { list.remove(i); } else { list.push(right); }
                            }) />
                        {right.label_vi()}
                    </label>
                }
            })
            .collect_view()
    }
}
