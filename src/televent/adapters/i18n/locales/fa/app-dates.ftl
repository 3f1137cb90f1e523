# فیلدهای تاریخ در مینی‌اپ (js/datefield.js): تاریخ‌های فرم رویداد، آخرین روز تکرار، روز تعطیل؛
# و ماهی که روز از آن انتخاب می‌شود.
date-field-invalid = { $field }: یک تاریخ بنویسید، مثلاً { $example }.
date-field-open = انتخاب تاریخ
date-field-previous-month = ماه قبل
date-field-next-month = ماه بعد
