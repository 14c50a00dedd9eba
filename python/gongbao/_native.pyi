"""Type stubs of the native module (the Rust layer); the documented API is ``gongbao``."""

import datetime

from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, Union

__version__: str
__all__ = [
    "CSV_COLUMNS",
    "GongbaoError",
    "__version__",
    "extract",
    "extract_many",
    "extract_records",
    "frame",
    "parse_count",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_quantity",
    "parse_time",
]
CSV_COLUMNS: List[str]

class GongbaoError(ValueError):
    """An error of the gongbao library: a number too large to be exact, an invalid date."""

_DateLike = Union[datetime.date, int, float, str]

def extract(
    text: Union[str, bytes],
    reference_date: Optional[_DateLike] = None,
    html: Optional[bool] = None,
    source: Optional[str] = None,
) -> Dict[str, Any]: ...
def extract_many(
    texts: Iterable[Union[str, bytes]],
    reference_dates: Union[None, _DateLike, Iterable[Optional[_DateLike]]] = None,
    html: Union[None, bool, Iterable[Optional[bool]]] = None,
    sources: Optional[Iterable[Any]] = None,
    jobs: Optional[int] = None,
) -> List[Dict[str, Any]]: ...
def extract_records(
    records: Iterable[Union[Mapping[str, Any], str, bytes]],
    text_field: Optional[str] = None,
    id_field: Optional[str] = None,
    title_field: Optional[str] = None,
    date_field: Optional[str] = None,
    reference_date: Optional[_DateLike] = None,
    line_numbers: Optional[Iterable[int]] = None,
    jobs: Optional[int] = None,
) -> List[Dict[str, Any]]: ...
def parse_money(text: str) -> Optional[Dict[str, Any]]: ...
def parse_count(text: str) -> Optional[Dict[str, Any]]: ...
def parse_percent(text: str) -> Optional[Dict[str, Any]]: ...
def parse_quantity(text: str) -> Optional[Dict[str, Any]]: ...
def parse_number(text: str) -> Optional[Dict[str, Any]]: ...
def parse_time(text: str, reference_date: Optional[_DateLike] = None) -> Optional[Dict[str, Any]]: ...
def frame(
    docs: Any, kind: Literal["figures", "times", "places", "all"] = "figures", drop_empty: bool = True
) -> Tuple[List[str], Dict[str, List[Any]], Dict[str, Literal["str", "float", "int", "bool", "date"]]]: ...

