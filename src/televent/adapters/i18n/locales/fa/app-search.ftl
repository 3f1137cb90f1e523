# جست‌وجو در مینی‌اپ (js/search.js).
search-open = جست‌وجو
search-title = جست‌وجو
search-label = جست‌وجوی رویدادها
search-placeholder = عنوان، مکان یا یادداشت
search-go = بگرد
search-more = نمایش بیشتر
search-more-earlier = نتیجه‌های قبلی
search-upcoming = پیش رو
search-earlier = گذشته
search-all-day = تمام روز
search-no-title = (بدون عنوان)
search-searching = در حال جست‌وجو…
search-nothing = از { $from } تا { $to } چیزی با «{ $q }» جور درنمی‌آید.
search-found = { $count } رویداد پیدا شد
search-error = جست‌وجو ناموفق بود. دوباره امتحان کنید.
